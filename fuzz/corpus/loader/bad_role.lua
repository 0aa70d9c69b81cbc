return procedure { id = "a.b", version = 1, title = "t", region = "320000", family = "f", start = "s", stages = { s = { title = "s", actions = { go = { role = "emperor", to = "nowhere" } } } } }
