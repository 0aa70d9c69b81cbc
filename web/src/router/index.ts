// Routes: the login at /, the public portal under /public, and the logged-in pages.
// Each page is its own chunk, loaded on first visit.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSession } from '@/stores/session'

type Need = 'staff' | 'admin' | 'enterprise' | 'any'

declare module 'vue-router' {
  interface RouteMeta {
    need?: Need
    title?: string
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { title: 'login.title' } },
  {
    path: '/public',
    component: () => import('@/layouts/PublicLayout.vue'),
    children: [
      {
        path: '',
        name: 'public-notices',
        component: () => import('@/views/public/NoticesView.vue'),
        meta: { title: 'portal.notices' },
      },
      {
        path: 'grades',
        name: 'public-grades',
        component: () => import('@/views/public/GradesView.vue'),
        meta: { title: 'portal.grades' },
      },
      {
        path: 'blacklist',
        name: 'public-blacklist',
        component: () => import('@/views/public/BlacklistView.vue'),
        meta: { title: 'portal.blacklist' },
      },
      {
        path: 'announcements',
        name: 'public-announcements',
        component: () => import('@/views/public/AnnouncementsView.vue'),
        meta: { title: 'portal.announcements' },
      },
      {
        path: 'listings',
        name: 'public-listings',
        component: () => import('@/views/public/ListingsView.vue'),
        meta: { title: 'portal.listings' },
      },
      {
        path: 'reports',
        name: 'public-reports',
        component: () => import('@/views/public/ReportsView.vue'),
        meta: { title: 'portal.reports' },
      },
      {
        path: 'complaint',
        name: 'public-complaint',
        component: () => import('@/views/public/ComplaintView.vue'),
        meta: { title: 'portal.complaint' },
      },
    ],
  },
  {
    path: '/',
    component: () => import('@/layouts/AppLayout.vue'),
    children: [
      {
        path: 'tasks',
        name: 'tasks',
        component: () => import('@/views/staff/TasksView.vue'),
        meta: { need: 'staff', title: 'nav.tasks' },
      },
      {
        path: 'cases',
        name: 'cases',
        component: () => import('@/views/staff/CasesView.vue'),
        meta: { need: 'staff', title: 'nav.cases' },
      },
      {
        path: 'cases/:id(\\d+)',
        name: 'case',
        component: () => import('@/views/CaseView.vue'),
        meta: { need: 'any', title: 'nav.cases' },
      },
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('@/views/staff/DashboardView.vue'),
        meta: { need: 'staff', title: 'nav.dashboard' },
      },
      {
        path: 'procedures',
        name: 'procedures',
        component: () => import('@/views/staff/ProceduresView.vue'),
        meta: { need: 'staff', title: 'nav.procedures' },
      },
      // Procedure ids contain dots; in the path the server would take them for a file
      // extension (no SPA fallback), so the id travels in the query.
      {
        path: 'procedure',
        name: 'procedure',
        component: () => import('@/views/staff/ProcedureView.vue'),
        meta: { need: 'staff', title: 'nav.procedures' },
      },
      {
        path: 'classification',
        name: 'classification',
        component: () => import('@/views/staff/ClassificationView.vue'),
        meta: { need: 'staff', title: 'nav.classification' },
      },
      {
        path: 'registers',
        name: 'registers',
        component: () => import('@/views/staff/RegistersView.vue'),
        meta: { need: 'staff', title: 'nav.registers' },
      },
      {
        path: 'reports/package',
        name: 'report-package',
        component: () => import('@/views/staff/ReportPackageView.vue'),
        meta: { need: 'staff', title: 'nav.reportPackage' },
      },
      {
        path: 'admin/users',
        name: 'users',
        component: () => import('@/views/admin/UsersView.vue'),
        meta: { need: 'admin', title: 'nav.users' },
      },
      {
        path: 'admin/audit',
        name: 'audit',
        component: () => import('@/views/admin/AuditView.vue'),
        meta: { need: 'admin', title: 'nav.audit' },
      },
      {
        path: 'my/cases',
        name: 'my-cases',
        component: () => import('@/views/enterprise/MyCasesView.vue'),
        meta: { need: 'enterprise', title: 'nav.myCases' },
      },
      {
        path: 'my/apply',
        name: 'apply',
        component: () => import('@/views/NewCaseView.vue'),
        meta: { need: 'enterprise', title: 'nav.apply' },
      },
      {
        path: 'cases/new',
        name: 'new-case',
        component: () => import('@/views/NewCaseView.vue'),
        meta: { need: 'staff', title: 'nav.newCase' },
      },
      {
        path: 'complaints',
        name: 'complaints',
        component: () => import('@/views/staff/ComplaintsView.vue'),
        meta: { need: 'staff', title: 'complaints.nav' },
      },
      {
        path: 'reports/commitment',
        name: 'commitment-report',
        component: () => import('@/views/staff/CommitmentReportView.vue'),
        meta: { need: 'staff', title: 'report.nav' },
      },
      {
        path: 'my/credit',
        name: 'my-credit',
        component: () => import('@/views/enterprise/CreditView.vue'),
        meta: { need: 'enterprise', title: 'nav.myCredit' },
      },
    ],
  },
  { path: '/:rest(.*)*', redirect: '/' },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to) => {
  const session = useSession()
  await session.restore()
  if (to.name === 'login' && session.loggedIn) return session.homePath
  const need = to.meta.need
  if (!need) return true
  if (!session.loggedIn) return { name: 'login', query: { redirect: to.fullPath } }
  const allowed =
    need === 'any' ||
    (need === 'staff' && session.isStaff) ||
    (need === 'admin' && session.isAdmin) ||
    (need === 'enterprise' && session.isEnterprise)
  return allowed ? true : session.homePath
})
