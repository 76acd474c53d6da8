import { useState } from 'react';
import { type RouteObject, RouterProvider, createBrowserRouter } from 'react-router';
import { paths } from '@/config/paths';
import { AndonBoardPage } from '@/app/routes/andon-board-page';
import { AndonTabletPage } from '@/app/routes/andon-tablet-page';
import { AppRoot } from '@/app/routes/app-root';
import { AuditLogPage } from '@/app/routes/audit-log-page';
import { HomePage } from '@/app/routes/home-page';
import { LoginPage } from '@/app/routes/login-page';
import { NotFoundPage } from '@/app/routes/not-found-page';
import { RequireAuth } from '@/app/routes/require-auth';
import { RouteErrorPage } from '@/app/routes/route-error-page';
import { UsersPage } from '@/app/routes/users-page';
import { EquipmentDetailPage } from '@/app/routes/equipment-detail-page';
import { LineDetailPage } from '@/app/routes/line-detail-page';
import { OperatorStopsPage } from '@/app/routes/operator-stops-page';
import { OverviewLandingPage } from '@/app/routes/overview-landing-page';
import { OverviewPage } from '@/app/routes/overview-page';
import { PlantConfigPage } from '@/app/routes/plant-config-page';
import { SimulatorPage } from '@/app/routes/simulator-page';
import { ChecklistTemplatesPage } from '@/app/routes/checklist-templates-page';
import { HandoverDetailPage, HandoverPage } from '@/app/routes/handover-page';
import { HourByHourPage } from '@/app/routes/hour-by-hour-page';
import { JobPage } from '@/app/routes/job-page';
import { MyJobsPage } from '@/app/routes/my-jobs-page';
import { ProductionSchedulePage } from '@/app/routes/production-schedule-page';
import { MyWorkOrdersPage } from '@/app/routes/my-work-orders-page';
import { NewWorkOrderPage } from '@/app/routes/new-work-order-page';
import { WorkOrderBoardPage } from '@/app/routes/work-order-board-page';
import { WorkOrderPage } from '@/app/routes/work-order-page';
import { MaintenancePlansPage } from '@/app/routes/maintenance-plans-page';
import { EquipmentHistoryPage } from '@/app/routes/equipment-history-page';

export const routes: RouteObject[] = [
  { path: paths.login, element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <AppRoot />,
        children: [
          { index: true, element: <HomePage /> },
          { path: paths.users, element: <UsersPage /> },
          { path: paths.auditLog, element: <AuditLogPage /> },
          { path: paths.andonBoard, element: <AndonBoardPage /> },
          { path: paths.andonTablet, element: <AndonTabletPage /> },
          { path: paths.landing, element: <OverviewLandingPage /> },
          { path: paths.overview, element: <OverviewPage /> },
          { path: paths.line, element: <LineDetailPage /> },
          { path: paths.equipment, element: <EquipmentDetailPage /> },
          { path: paths.operatorStops, element: <OperatorStopsPage /> },
          { path: paths.config, element: <PlantConfigPage /> },
          { path: paths.configTab, element: <PlantConfigPage /> },
          { path: paths.simulator, element: <SimulatorPage /> },
          { path: paths.schedule, element: <ProductionSchedulePage /> },
          { path: paths.myJobs, element: <MyJobsPage /> },
          { path: paths.job, element: <JobPage /> },
          { path: paths.checklistTemplates, element: <ChecklistTemplatesPage /> },
          { path: paths.hourByHour, element: <HourByHourPage /> },
          { path: paths.lineHourByHour, element: <HourByHourPage /> },
          { path: paths.handover, element: <HandoverPage /> },
          { path: paths.handoverDetail, element: <HandoverDetailPage /> },
          { path: paths.myWorkOrders, element: <MyWorkOrdersPage /> },
          { path: paths.workOrderBoard, element: <WorkOrderBoardPage /> },
          { path: paths.newWorkOrder, element: <NewWorkOrderPage /> },
          { path: paths.workOrder, element: <WorkOrderPage /> },
          { path: paths.maintenancePlans, element: <MaintenancePlansPage /> },
          { path: paths.equipmentHistory, element: <EquipmentHistoryPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
