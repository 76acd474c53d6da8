import { useState } from 'react';
import type { ChecklistTemplate } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/form-field';
import { LoadingState } from '@/components/ui/loading-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, type TableColumn } from '@/components/ui/table';
import { isApiError } from '@/lib/api-client';
import { useChecklistTemplates } from '@/features/checklists/api/get-checklist-templates';
import type { ChecklistTemplateFilters } from '@/features/checklists/api/checklist-query-keys';
import { useUpdateChecklistTemplate } from '@/features/checklists/api/update-checklist-template';
import {
  ChecklistTemplateForm,
  type ScopeOption,
} from '@/features/checklists/components/checklist-template-form';
import { scopeText } from '@/features/checklists/utils/template-labels';
import './checklists.css';

const PAGE_SIZE = 20;

type Editing =
  { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; template: ChecklistTemplate };
type Notice = { tone: 'success' | 'error'; text: string } | null;

interface ChecklistTemplatesPanelProps {
  lines: readonly ScopeOption[];
  products: readonly ScopeOption[];
}

/**
 * The checklist templates a page at a time (active, retired or all): create, edit (a new
 * version when the items change), retire and reactivate.
 */
export function ChecklistTemplatesPanel({ lines, products }: ChecklistTemplatesPanelProps) {
  const [filters, setFilters] = useState<ChecklistTemplateFilters>({
    page: 1,
    pageSize: PAGE_SIZE,
    active: 'true',
  });
  const listQuery = useChecklistTemplates(filters);
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [notice, setNotice] = useState<Notice>(null);
  const activeMutation = useUpdateChecklistTemplate();

  function setActive(template: ChecklistTemplate, active: boolean) {
    setNotice(null);
    activeMutation.mutate(
      { id: template.id, changes: { active } },
      {
        onSuccess: (saved) =>
          setNotice({
            tone: 'success',
            text: `${saved.name} ${active ? 'reactivated' : 'retired'}.`,
          }),
        onError: (error) =>
          setNotice({
            tone: 'error',
            text: isApiError(error) ? error.message : 'The template could not be changed.',
          }),
      },
    );
  }

  const columns: TableColumn<ChecklistTemplate>[] = [
    { key: 'name', header: 'Name', cell: (template) => template.name },
    { key: 'scope', header: 'Applies to', cell: (template) => scopeText(template) },
    { key: 'version', header: 'Version', className: 'num', cell: (template) => template.version },
    { key: 'items', header: 'Items', className: 'num', cell: (template) => template.items.length },
    {
      key: 'active',
      header: 'Status',
      cell: (template) =>
        template.active ? (
          <span className="badge badge--ok">Active</span>
        ) : (
          <span className="badge badge--muted">Retired</span>
        ),
    },
    {
      key: 'actions',
      header: 'Actions',
      className: 'table__actions',
      cell: (template) => (
        <span className="row-actions">
          <Button
            variant="secondary"
            onClick={() => {
              setNotice(null);
              setEditing({ mode: 'edit', template });
            }}
            aria-label={`Edit ${template.name}`}
          >
            Edit
          </Button>
          {template.active ? (
            <Button
              variant="danger"
              isLoading={activeMutation.isPending && activeMutation.variables?.id === template.id}
              onClick={() => setActive(template, false)}
              aria-label={`Retire ${template.name}`}
            >
              Retire
            </Button>
          ) : (
            <Button
              variant="secondary"
              isLoading={activeMutation.isPending && activeMutation.variables?.id === template.id}
              onClick={() => setActive(template, true)}
              aria-label={`Reactivate ${template.name}`}
            >
              Reactivate
            </Button>
          )}
        </span>
      ),
    },
  ];

  const formTitle =
    editing.mode === 'edit' ? `Edit ${editing.template.name}` : 'New checklist template';

  return (
    <section className="card" aria-labelledby="checklist-templates-title">
      <div className="toolbar">
        <h2 id="checklist-templates-title">Templates</h2>
        <div className="toolbar__filters">
          <SelectField
            name="templateStatus"
            label="Show"
            value={filters.active}
            onChange={(event) =>
              setFilters({
                ...filters,
                page: 1,
                active:
                  event.target.value === 'false'
                    ? 'false'
                    : event.target.value === 'all'
                      ? 'all'
                      : 'true',
              })
            }
            options={[
              { value: 'true', label: 'Active' },
              { value: 'false', label: 'Retired' },
              { value: 'all', label: 'All' },
            ]}
          />
          {editing.mode === 'closed' ? (
            <Button
              onClick={() => {
                setNotice(null);
                setEditing({ mode: 'create' });
              }}
            >
              New template
            </Button>
          ) : null}
        </div>
      </div>
      {notice !== null ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {editing.mode !== 'closed' ? (
        <div className="config-form" role="group" aria-label={formTitle}>
          <h3>{formTitle}</h3>
          <ChecklistTemplateForm
            key={
              editing.mode === 'edit' ? `${editing.template.id}-${editing.template.version}` : 'new'
            }
            lines={lines}
            products={products}
            template={editing.mode === 'edit' ? editing.template : undefined}
            onSaved={(saved) => {
              setNotice({
                tone: 'success',
                text: `${saved.name} saved (version ${saved.version}).`,
              });
              setEditing({ mode: 'closed' });
            }}
            onCancel={() => setEditing({ mode: 'closed' })}
          />
        </div>
      ) : null}
      {listQuery.isPending ? (
        <LoadingState label="Loading templates…" />
      ) : listQuery.isError ? (
        <ErrorState
          title="Could not load the templates"
          error={listQuery.error}
          onRetry={() => void listQuery.refetch()}
        />
      ) : (
        <>
          <Table
            caption="Checklist templates"
            columns={columns}
            rows={listQuery.data.items}
            rowKey={(template) => template.id}
            emptyMessage="No templates here yet."
            busy={listQuery.isFetching}
          />
          <Pagination
            page={listQuery.data.page}
            totalPages={listQuery.data.totalPages}
            total={listQuery.data.total}
            itemLabel={listQuery.data.total === 1 ? 'template' : 'templates'}
            disabled={listQuery.isPlaceholderData}
            onPageChange={(page) => setFilters({ ...filters, page })}
          />
        </>
      )}
    </section>
  );
}
