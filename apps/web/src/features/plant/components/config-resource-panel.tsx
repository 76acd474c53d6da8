import { type ReactNode, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { TextField } from '@/components/ui/form-field';
import { LoadingState } from '@/components/ui/loading-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, type TableColumn } from '@/components/ui/table';
import { refusalText } from '@/lib/refusals';
import { usePermission } from '@/lib/authorization';
import { useDeletePlantItem } from '@/features/plant/api/delete-plant-item';
import { usePlantList } from '@/features/plant/api/get-plant-list';
import {
  PLANT_RESOURCE_INFO,
  type PlantItems,
  type PlantResourceName,
} from '@/features/plant/api/plant-resources';

const PAGE_SIZE = 25;

export interface ConfigFormRender<T> {
  (props: { item: T | undefined; onSaved: (item: T) => void; onCancel: () => void }): ReactNode;
}

interface ConfigResourcePanelProps<K extends PlantResourceName> {
  resource: K;
  title: string;
  columns: TableColumn<PlantItems[K]>[];
  /** How a row is named in buttons and messages ("PRESS-1"). */
  itemName: (item: PlantItems[K]) => string;
  renderForm: ConfigFormRender<PlantItems[K]>;
  /** Lists that have a `search` filter on the server (code and name). */
  searchable?: boolean;
}

function deleteMessage(error: unknown, label: string): string {
  return refusalText(error, `The ${label.toLowerCase()} could not be deleted.`);
}

type Editing<T> = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; item: T };

/**
 * One configuration collection: its table a page at a time, and (for roles that may change it)
 * create, edit and delete. Deleting asks to confirm; a 409 IN_USE is explained in words.
 */
export function ConfigResourcePanel<K extends PlantResourceName>({
  resource,
  title,
  columns,
  itemName,
  renderForm,
  searchable = false,
}: ConfigResourcePanelProps<K>) {
  const info = PLANT_RESOURCE_INFO[resource];
  const canWrite = usePermission(info.writePermission);
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const listQuery = usePlantList(resource, {
    page,
    pageSize: PAGE_SIZE,
    search: search.trim() === '' ? undefined : search.trim(),
  });
  const [editing, setEditing] = useState<Editing<PlantItems[K]>>({ mode: 'closed' });
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const deleteMutation = useDeletePlantItem(resource);

  function saved(item: PlantItems[K]) {
    setNotice({ tone: 'success', text: `${info.label} ${itemName(item)} saved.` });
    setEditing({ mode: 'closed' });
  }

  function remove(item: PlantItems[K]) {
    setNotice(null);
    deleteMutation.mutate(item.id, {
      onSuccess: () =>
        setNotice({ tone: 'success', text: `${info.label} ${itemName(item)} deleted.` }),
      onError: (error) => setNotice({ tone: 'error', text: deleteMessage(error, info.label) }),
      onSettled: () => setConfirming(null),
    });
  }

  const allColumns: TableColumn<PlantItems[K]>[] = canWrite
    ? [
        ...columns,
        {
          key: 'actions',
          header: 'Actions',
          className: 'table__actions',
          cell: (item) => {
            const name = itemName(item);
            return confirming === item.id ? (
              <span className="row-actions">
                <Button
                  variant="danger"
                  isLoading={deleteMutation.isPending}
                  onClick={() => remove(item)}
                  aria-label={`Confirm delete ${name}`}
                >
                  Confirm delete
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(null)}>
                  Keep
                </Button>
              </span>
            ) : (
              <span className="row-actions">
                <Button
                  variant="secondary"
                  onClick={() => {
                    setNotice(null);
                    setEditing({ mode: 'edit', item });
                  }}
                  aria-label={`Edit ${name}`}
                >
                  Edit
                </Button>
                <Button
                  variant="danger"
                  onClick={() => setConfirming(item.id)}
                  aria-label={`Delete ${name}`}
                >
                  Delete
                </Button>
              </span>
            );
          },
        },
      ]
    : columns;

  const formTitle =
    editing.mode === 'edit' ? `Edit ${itemName(editing.item)}` : `New ${info.label.toLowerCase()}`;

  return (
    <section className="card" aria-labelledby={`${resource}-title`}>
      <div className="toolbar">
        <h2 id={`${resource}-title`}>{title}</h2>
        <div className="toolbar__filters">
          {searchable ? (
            <TextField
              name={`${resource}-search`}
              label="Search"
              type="search"
              value={search}
              onChange={(event) => {
                setSearch(event.target.value);
                setPage(1);
              }}
            />
          ) : null}
          {canWrite && editing.mode === 'closed' ? (
            <Button
              onClick={() => {
                setNotice(null);
                setEditing({ mode: 'create' });
              }}
            >
              New {info.label.toLowerCase()}
            </Button>
          ) : null}
        </div>
      </div>
      {notice !== null ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {editing.mode !== 'closed' ? (
        <div className="config-form" aria-label={formTitle} role="group">
          <h3>{formTitle}</h3>
          {renderForm({
            item: editing.mode === 'edit' ? editing.item : undefined,
            onSaved: saved,
            onCancel: () => setEditing({ mode: 'closed' }),
          })}
        </div>
      ) : null}
      {listQuery.isPending ? (
        <LoadingState label={`Loading ${title.toLowerCase()}…`} />
      ) : listQuery.isError ? (
        <ErrorState
          title={`Could not load ${title.toLowerCase()}`}
          error={listQuery.error}
          onRetry={() => void listQuery.refetch()}
        />
      ) : (
        <>
          <Table
            caption={title}
            columns={allColumns}
            rows={listQuery.data.items}
            rowKey={(item) => item.id}
            emptyMessage={`No ${title.toLowerCase()} yet.`}
            busy={listQuery.isFetching}
          />
          <Pagination
            page={listQuery.data.page}
            totalPages={listQuery.data.totalPages}
            total={listQuery.data.total}
            itemLabel={listQuery.data.total === 1 ? info.label.toLowerCase() : title.toLowerCase()}
            disabled={listQuery.isPlaceholderData}
            onPageChange={setPage}
          />
        </>
      )}
    </section>
  );
}
