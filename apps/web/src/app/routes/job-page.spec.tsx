import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type {
  ChecklistRun,
  ChecklistTemplate,
  JobAssignment,
  JobChecklistStatus,
  SubmitChecklistRunInput,
} from '@ms5/contracts';
import { type FakeRequest, createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { jobHref, paths } from '@/config/paths';
import { JobPage } from '@/app/routes/job-page';

const OPERATOR = sessionUser('operator');
const LINE_ID = '11111111-1111-4111-8111-111111111111';
const EQUIPMENT = [
  { id: '77777777-7777-4777-8777-777777777771', code: 'FILL-1', name: 'Filler' },
  { id: '77777777-7777-4777-8777-777777777772', code: 'CAP-1', name: 'Capper' },
].map((item) => ({
  ...item,
  lineId: LINE_ID,
  idealCycleTimeSeconds: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}));

const ITEM = {
  guard: '88888888-8888-4888-8888-888888888881',
  pressure: '88888888-8888-4888-8888-888888888882',
  leaks: '88888888-8888-4888-8888-888888888883',
  remarks: '88888888-8888-4888-8888-888888888884',
};

const TEMPLATE: ChecklistTemplate = {
  id: '99999999-9999-4999-8999-999999999999',
  name: 'Filler start-up',
  lineId: LINE_ID,
  lineCode: 'L1',
  productId: null,
  productCode: null,
  version: 3,
  active: true,
  items: [
    {
      id: ITEM.guard,
      label: 'Guard closed',
      kind: 'yes_no',
      critical: true,
      expected: true,
      min: null,
      max: null,
      unit: null,
    },
    {
      id: ITEM.pressure,
      label: 'Air pressure',
      kind: 'number',
      critical: true,
      expected: null,
      min: 5,
      max: 7,
      unit: 'bar',
    },
    {
      id: ITEM.leaks,
      label: 'Leaks found',
      kind: 'yes_no',
      critical: false,
      expected: false,
      min: null,
      max: null,
      unit: null,
    },
    {
      id: ITEM.remarks,
      label: 'Tooling remarks',
      kind: 'text',
      critical: false,
      expected: null,
      min: null,
      max: null,
      unit: null,
    },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const JOB: JobAssignment = {
  id: '55555555-5555-4555-8555-555555555551',
  orderId: '33333333-3333-4333-8333-333333333331',
  orderReference: 'PO-4711',
  orderStatus: 'released',
  lineId: LINE_ID,
  lineCode: 'L1',
  productCode: 'P-100',
  operator: { id: OPERATOR.id, displayName: OPERATOR.displayName },
  shiftDate: null,
  note: null,
  status: 'accepted',
  assignedBy: null,
  assignedAt: '2026-03-10T05:00:00.000Z',
  acceptedAt: '2026-03-10T05:10:00.000Z',
  startedAt: null,
  completedAt: null,
  progress: { goodCount: 0, targetQuantity: 500, fraction: 0 },
};

function runOf(input: SubmitChecklistRunInput, failed: string[], blocking: boolean): ChecklistRun {
  return {
    id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    templateId: TEMPLATE.id,
    templateName: TEMPLATE.name,
    templateVersion: TEMPLATE.version,
    jobId: JOB.id,
    orderId: JOB.orderId,
    lineId: LINE_ID,
    items: TEMPLATE.items,
    answers: input.answers.map((answer) => ({
      ...answer,
      passed: !failed.includes(answer.itemId),
    })),
    passed: failed.length === 0,
    blocking,
    failedItemIds: failed,
    note: input.note ?? null,
    andonCallId:
      input.raiseAndon !== undefined && blocking ? 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' : null,
    completedBy: { id: OPERATOR.id, displayName: OPERATOR.displayName },
    completedAt: new Date().toISOString(),
  };
}

/** A small stateful server: the job, its checklist status, runs and the start. */
function jobServer(
  options: {
    refuseStart?: boolean;
    failed?: string[];
    blocking?: boolean;
    job?: JobAssignment;
  } = {},
) {
  let job = options.job ?? JOB;
  let status: JobChecklistStatus = {
    jobId: JOB.id,
    readyToStart: false,
    checklists: [{ template: TEMPLATE, latestRun: null, status: 'missing' }],
  };
  const handler = (request: FakeRequest) => {
    const path = request.url.pathname;
    if (path === `/api/jobs/${JOB.id}` && request.method === 'GET') return jsonResponse(200, job);
    if (path === `/api/jobs/${JOB.id}/checklists` && request.method === 'GET') {
      return jsonResponse(200, status);
    }
    if (path === `/api/jobs/${JOB.id}/checklists` && request.method === 'POST') {
      const failed = options.failed ?? [];
      const blocking = options.blocking ?? false;
      const run = runOf(request.body as SubmitChecklistRunInput, failed, blocking);
      status = {
        ...status,
        readyToStart: !blocking,
        checklists: [{ template: TEMPLATE, latestRun: run, status: blocking ? 'blocked' : 'done' }],
      };
      return jsonResponse(201, run);
    }
    if (path === `/api/jobs/${JOB.id}/accept` && request.method === 'POST') {
      job = { ...job, status: 'accepted', acceptedAt: new Date().toISOString() };
      return jsonResponse(200, job);
    }
    if (path === `/api/jobs/${JOB.id}/start` && request.method === 'POST') {
      if (job.status !== 'accepted') {
        return jsonResponse(409, {
          statusCode: 409,
          code: 'INVALID_TRANSITION',
          message: `Cannot start a job that is ${job.status}`,
        });
      }
      if (options.refuseStart === true) {
        status = {
          ...status,
          readyToStart: false,
          checklists: [{ ...status.checklists[0]!, status: 'missing', latestRun: null }],
        };
        return jsonResponse(409, {
          statusCode: 409,
          code: 'CHECKLIST_REQUIRED',
          message: 'The job may not start until the pre-start checklist "Filler start-up" is done',
        });
      }
      job = {
        ...job,
        status: 'started',
        orderStatus: 'running',
        startedAt: new Date().toISOString(),
      };
      return jsonResponse(200, job);
    }
    if (path === '/api/equipment') {
      return jsonResponse(200, {
        items: EQUIPMENT,
        page: 1,
        pageSize: 200,
        total: 2,
        totalPages: 1,
      });
    }
    return jsonResponse(404, { statusCode: 404, message: `No route ${request.method} ${path}` });
  };
  const server = createFakeFetch(handler);
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

function renderJob() {
  return renderApp(
    [
      { path: paths.job, element: <JobPage /> },
      { path: paths.myJobs, element: <p>My jobs</p> },
    ],
    { user: OPERATOR, path: jobHref(JOB.id) },
  );
}

const startButton = () => screen.getByRole('button', { name: 'Start job' });

describe('JobPage', () => {
  it('renders every kind of item, keeps Start off until the checklist passes, then starts the job', async () => {
    const server = jobServer();
    const { user } = renderJob();

    const guard = await screen.findByRole('group', { name: 'Guard closed' });
    expect(guard).toHaveAccessibleDescription('Critical');
    expect(within(guard).getByRole('button', { name: 'Yes' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(within(guard).getByRole('button', { name: 'No' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    const pressure = screen.getByRole('spinbutton', { name: 'Air pressure' });
    expect(pressure).toHaveAccessibleDescription('Critical Between 5 and 7 bar');
    expect(screen.getByRole('group', { name: 'Leaks found' })).not.toHaveAccessibleDescription();
    expect(screen.getByRole('textbox', { name: 'Tooling remarks' })).toBeInTheDocument();

    await vi.waitFor(() => expect(startButton()).toBeDisabled());
    expect(startButton()).toHaveAccessibleDescription('Complete the pre-start checklist first.');

    await user.click(within(guard).getByRole('button', { name: 'Yes' }));
    expect(within(guard).getByRole('button', { name: 'Yes' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.type(pressure, '6.2');
    await user.click(
      within(screen.getByRole('group', { name: 'Leaks found' })).getByRole('button', {
        name: 'No',
      }),
    );
    await user.type(screen.getByRole('textbox', { name: 'Tooling remarks' }), 'Die changed');
    // Nothing fails: no andon offer.
    expect(screen.queryByRole('checkbox', { name: 'Raise andon call' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit checklist' }));

    expect(await screen.findByText('Checklist passed')).toBeInTheDocument();
    const submitted = server.requests.find(
      (request) => request.method === 'POST' && request.url.pathname.endsWith('/checklists'),
    );
    expect(submitted?.body).toEqual({
      templateId: TEMPLATE.id,
      answers: [
        { itemId: ITEM.guard, value: true },
        { itemId: ITEM.pressure, value: 6.2 },
        { itemId: ITEM.leaks, value: false },
        { itemId: ITEM.remarks, value: 'Die changed' },
      ],
    });

    await vi.waitFor(() => expect(startButton()).toBeEnabled());
    await user.click(startButton());
    const summary = screen.getByRole('region', { name: 'Job' });
    await vi.waitFor(() => expect(within(summary).getByText('started')).toBeInTheDocument());
    expect(
      server.requests.some((request) => request.url.pathname === `/api/jobs/${JOB.id}/start`),
    ).toBe(true);
    expect(screen.getByRole('button', { name: 'Complete job' })).toBeEnabled();
    // Started: the checklist shows its result only, no more answering.
    expect(
      screen.queryByRole('button', { name: 'Run the checklist again' }),
    ).not.toBeInTheDocument();
  }, 15_000);

  it('asks for every answer before sending', async () => {
    const server = jobServer();
    const { user } = renderJob();

    await user.click(await screen.findByRole('button', { name: 'Submit checklist' }));
    expect(screen.getByRole('group', { name: 'Guard closed' })).toHaveAccessibleDescription(
      'Critical Choose Yes or No',
    );
    expect(screen.getByRole('spinbutton', { name: 'Air pressure' })).toHaveAccessibleDescription(
      'Critical Between 5 and 7 bar Enter a number',
    );
    expect(
      screen.getByRole('textbox', { name: 'Tooling remarks' }),
    ).not.toHaveAccessibleDescription();
    expect(screen.getByRole('alert')).toHaveTextContent('Answer every item before you submit.');
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  }, 15_000);

  it('offers an andon call when a critical item fails, and shows the blocking result', async () => {
    const server = jobServer({ failed: [ITEM.guard], blocking: true });
    const { user } = renderJob();

    const guard = await screen.findByRole('group', { name: 'Guard closed' });
    await user.click(within(guard).getByRole('button', { name: 'No' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Air pressure' }), '5');
    await user.click(
      within(screen.getByRole('group', { name: 'Leaks found' })).getByRole('button', {
        name: 'No',
      }),
    );

    const andon = screen.getByRole('group', { name: 'Raise an andon call' });
    expect(andon).toHaveTextContent('Critical item failing: Guard closed.');
    await user.click(within(andon).getByRole('checkbox', { name: 'Raise andon call' }));
    await user.click(screen.getByRole('button', { name: 'Submit checklist' }));
    expect(within(andon).getByLabelText('Equipment')).toHaveAccessibleDescription(
      'Choose the equipment',
    );
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    await user.selectOptions(within(andon).getByLabelText('Equipment'), EQUIPMENT[0]!.id);
    await user.click(screen.getByRole('button', { name: 'Submit checklist' }));

    const blocking = await screen.findByRole('alert');
    expect(blocking).toHaveTextContent('Blocking: the job cannot start');
    expect(blocking).toHaveTextContent('Critical item failed: Guard closed.');
    const submitted = server.requests.find((request) => request.method === 'POST');
    expect(submitted?.body).toEqual({
      templateId: TEMPLATE.id,
      answers: [
        { itemId: ITEM.guard, value: false },
        { itemId: ITEM.pressure, value: 5 },
        { itemId: ITEM.leaks, value: false },
        { itemId: ITEM.remarks, value: '' },
      ],
      raiseAndon: { equipmentId: EQUIPMENT[0]!.id, type: 'quality', priority: 'high' },
    });
    expect(screen.getByText('An andon call was raised for the failed items.')).toBeInTheDocument();
    const answers = screen.getByRole('list', { name: 'Answers to Filler start-up' });
    const failedRow = within(answers).getAllByRole('listitem')[0]!;
    expect(failedRow).toHaveClass('checklist-result__item--failed');
    expect(failedRow).toHaveTextContent('Guard closedCriticalNoFailed');
    expect(within(answers).getAllByRole('listitem')[1]).toHaveTextContent(
      'Air pressureCritical5 barPassed',
    );

    await vi.waitFor(() =>
      expect(startButton()).toHaveAccessibleDescription(
        'A critical checklist item failed: fix it and run the checklist again before you start.',
      ),
    );
    expect(startButton()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Run the checklist again' })).toBeEnabled();
  }, 15_000);

  it("shows the server's refusal to start and asks for the checklist status again", async () => {
    const server = jobServer({ refuseStart: true });
    const { user } = renderJob();

    const guard = await screen.findByRole('group', { name: 'Guard closed' });
    await user.click(within(guard).getByRole('button', { name: 'Yes' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Air pressure' }), '6');
    await user.click(
      within(screen.getByRole('group', { name: 'Leaks found' })).getByRole('button', {
        name: 'No',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Submit checklist' }));
    await vi.waitFor(() => expect(startButton()).toBeEnabled());
    const statusReads = () =>
      server.requests.filter(
        (request) => request.method === 'GET' && request.url.pathname.endsWith('/checklists'),
      ).length;
    const before = statusReads();

    await user.click(startButton());
    expect(
      await screen.findByText(
        'The job may not start until the pre-start checklist "Filler start-up" is done. Complete the pre-start checklist first.',
      ),
    ).toBeInTheDocument();
    await vi.waitFor(() => expect(statusReads()).toBeGreaterThan(before));
    await vi.waitFor(() => expect(startButton()).toBeDisabled());
    // The server says the checklist is missing again: its form is back.
    expect(await screen.findByRole('group', { name: 'Guard closed' })).toBeInTheDocument();
  }, 15_000);

  it('accepts a job still assigned when Start is pressed, then starts it', async () => {
    const server = jobServer({ job: { ...JOB, status: 'assigned', acceptedAt: null } });
    const { user } = renderJob();

    const guard = await screen.findByRole('group', { name: 'Guard closed' });
    expect(screen.getByRole('button', { name: 'Accept job' })).toBeEnabled();
    await user.click(within(guard).getByRole('button', { name: 'Yes' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Air pressure' }), '6');
    await user.click(
      within(screen.getByRole('group', { name: 'Leaks found' })).getByRole('button', {
        name: 'No',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Submit checklist' }));
    await vi.waitFor(() => expect(startButton()).toBeEnabled());
    await user.click(startButton());

    const summary = screen.getByRole('region', { name: 'Job' });
    await vi.waitFor(() => expect(within(summary).getByText('started')).toBeInTheDocument());
    const steps = server.requests
      .filter(
        (request) => request.method === 'POST' && !request.url.pathname.endsWith('/checklists'),
      )
      .map((request) => request.url.pathname.split('/').pop());
    expect(steps).toEqual(['accept', 'start']);
  }, 15_000);
});
