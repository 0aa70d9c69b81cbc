return procedure { id = "x", version = 1 }
