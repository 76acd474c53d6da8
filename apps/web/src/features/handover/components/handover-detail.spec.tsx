import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Handover } from '@ms5/contracts';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { HandoverDetail } from '@/features/handover/components/handover-detail';
import {
  AUTHOR_ID,
  HANDOVER_ID,
  INCOMING_ID,
  handover,
} from '@/features/handover/testing/handover-fixtures';

const AUTHOR = sessionUser('shift_manager', { id: AUTHOR_ID, displayName: 'Sam Early' });
const INCOMING = sessionUser('shift_manager', { id: INCOMING_ID, displayName: 'Alex Late' });

const ACKNOWLEDGED = handover({
  acknowledgedBy: { id: INCOMING_ID, displayName: 'Alex Late' },
  acknowledgedAt: '2026-03-10T13:05:00.000Z',
  acknowledgeNote: 'Got it, PO-8 first.',
});

function serve(answer: (body: unknown) => { status: number; body: unknown }, initial = handover()) {
  let current: Handover = initial;
  const server = createFakeFetch((request) => {
    if (request.method === 'POST') {
      const { status, body } = answer(request.body);
      if (status === 200) current = body as Handover;
      return jsonResponse(status, body);
    }
    return jsonResponse(200, current);
  });
  vi.stubGlobal('fetch', server.fetch);
  return {
    server,
    acknowledgeElsewhere: (next: Handover) => {
      current = next;
    },
  };
}

const acknowledgement = () => screen.getByRole('region', { name: 'Acknowledgement' });

describe('HandoverDetail', () => {
  it('shows the frozen summary, the notes, who wrote it and when', async () => {
    const { server } = serve(() => ({ status: 500, body: {} }));
    renderApp(<HandoverDetail id={HANDOVER_ID} />, { user: INCOMING });

    const header = await screen.findByRole('region', {
      name: 'Line L1: Early · Tue, 10 Mar 2026 · 06:00–14:00',
    });
    expect(server.requests[0]!.url.pathname).toBe(`/api/handovers/${HANDOVER_ID}`);
    expect(within(header).getByText('Handed over by').nextElementSibling).toHaveTextContent(
      'Sam Early',
    );
    expect(within(header).getByText('Written').nextElementSibling?.textContent).toMatch(/2026/);
    expect(within(header).getByText(/FILL-1 valve leaks/)).toHaveTextContent(
      'FILL-1 valve leaks; maintenance is on it. PO-8 is released, start it first.',
    );
    const frozen = screen.getByRole('region', { name: 'Summary at handover' });
    expect(within(frozen).getByRole('region', { name: 'Open work orders' })).toHaveTextContent(
      'Open work orders: not tracked yet (no maintenance module)',
    );
    expect(within(frozen).getByRole('region', { name: 'Top losses' })).toHaveTextContent('Jam');
  });

  it('hides "Acknowledge" from the author, who waits for the incoming manager', async () => {
    serve(() => ({ status: 500, body: {} }));
    renderApp(<HandoverDetail id={HANDOVER_ID} />, { user: AUTHOR });
    await screen.findByRole('region', { name: 'Acknowledgement' });
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
    expect(acknowledgement()).toHaveTextContent('Waiting for the incoming shift manager');
  });

  it('lets another shift manager acknowledge with a note, then shows who and when', async () => {
    const { server } = serve(() => ({ status: 200, body: ACKNOWLEDGED }));
    const { user } = renderApp(<HandoverDetail id={HANDOVER_ID} />, { user: INCOMING });
    await user.type(await screen.findByLabelText('Note (optional)'), '  Got it, PO-8 first. ');
    await user.click(screen.getByRole('button', { name: 'Acknowledge' }));

    expect(await within(acknowledgement()).findByText('Alex Late')).toBeInTheDocument();
    expect(acknowledgement()).toHaveTextContent(/Acknowledged by Alex Late at .*2026/);
    expect(acknowledgement()).toHaveTextContent('Got it, PO-8 first.');
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
    const post = server.requests.find((request) => request.method === 'POST')!;
    expect(post.url.pathname).toBe(`/api/handovers/${HANDOVER_ID}/acknowledge`);
    expect(post.body).toEqual({ note: 'Got it, PO-8 first.' });
  });

  it('sends no note when none is written', async () => {
    const { server } = serve(() => ({ status: 200, body: ACKNOWLEDGED }));
    const { user } = renderApp(<HandoverDetail id={HANDOVER_ID} />, { user: INCOMING });
    await user.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    await vi.waitFor(() =>
      expect(server.requests.some((request) => request.method === 'POST')).toBe(true),
    );
    expect(server.requests.find((request) => request.method === 'POST')!.body).toEqual({});
  });

  it('shows the server’s 403 in words and keeps the form', async () => {
    serve(() => ({
      status: 403,
      body: { statusCode: 403, message: 'The author cannot acknowledge their own handover.' },
    }));
    const { user } = renderApp(<HandoverDetail id={HANDOVER_ID} />, { user: INCOMING });
    await user.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not allowed');
    expect(alert).toHaveTextContent('The author cannot acknowledge their own handover.');
    expect(screen.getByRole('button', { name: 'Acknowledge' })).toBeInTheDocument();
  });

  it('on 409 says it is already acknowledged and shows by whom', async () => {
    const fake = serve(() => {
      fake.acknowledgeElsewhere(ACKNOWLEDGED);
      return {
        status: 409,
        body: { statusCode: 409, message: 'This handover is already acknowledged.' },
      };
    });
    const { user } = renderApp(<HandoverDetail id={HANDOVER_ID} />, { user: INCOMING });
    await user.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Already done');
    expect(alert).toHaveTextContent('This handover is already acknowledged.');
    expect(await within(acknowledgement()).findByText('Alex Late')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
  });

  it('shows readers the state without the button', async () => {
    serve(() => ({ status: 500, body: {} }));
    renderApp(<HandoverDetail id={HANDOVER_ID} />, { user: sessionUser('viewer') });
    await screen.findByRole('region', { name: 'Acknowledgement' });
    expect(acknowledgement()).toHaveTextContent('Not acknowledged yet.');
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
  });

  it('says when a handover cannot be found', async () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch(() => jsonResponse(404, { statusCode: 404, message: 'Handover not found' }))
        .fetch,
    );
    renderApp(<HandoverDetail id={HANDOVER_ID} />, { user: INCOMING });
    expect(await screen.findByRole('alert')).toHaveTextContent('Handover not found');
  });
});
