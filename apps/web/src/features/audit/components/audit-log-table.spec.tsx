import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { AuditLogTable, describeChange } from '@/features/audit/components/audit-log-table';

describe('describeChange', () => {
  it('lists changed fields, hiding timestamps and secrets', () => {
    expect(
      describeChange({
        before: { role: 'operator', disabled: false, updatedAt: 'a', passwordHash: 'x' },
        after: { role: 'quality', disabled: false, updatedAt: 'b', passwordHash: 'y' },
      }),
    ).toBe('role: "operator" → "quality"');
    expect(describeChange({ before: null, after: { username: 'olga' } })).toBe('username: "olga"');
    expect(describeChange({ before: null, after: null })).toBe('—');
  });
});

describe('AuditLogTable', () => {
  it('loads the requested page and shows who did what', async () => {
    const server = createFakeFetch(() =>
      jsonResponse(200, {
        items: [
          {
            id: 'a1',
            at: '2024-05-01T06:00:00.000Z',
            actorId: 'u1',
            actorUsername: 'admin',
            action: 'user.updated',
            entityType: 'user',
            entityId: '6f1c3c0e-3d1b-4a8e-9a59-0c1f8d7e2a11',
            before: { role: 'operator' },
            after: { role: 'quality' },
          },
        ],
        page: 3,
        pageSize: 25,
        total: 51,
        totalPages: 3,
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const onPageChange = vi.fn();
    const { user } = renderApp(
      <AuditLogTable filters={{ page: 3, pageSize: 25 }} onPageChange={onPageChange} />,
      {
        user: sessionUser('admin'),
      },
    );

    expect(await screen.findByText('user.updated')).toBeInTheDocument();
    expect(screen.getByText('role: "operator" → "quality"')).toBeInTheDocument();
    expect(screen.getByText('user 6f1c3c0e')).toBeInTheDocument();
    expect(server.requests[0]?.url.search).toBe('?page=3&pageSize=25');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(onPageChange).toHaveBeenCalledWith(2);
  });
});
