import { type FormEvent, useState } from 'react';
import {
  CHECKLIST_ITEM_KINDS,
  type ChecklistItemKind,
  type ChecklistTemplate,
  createChecklistTemplateSchema,
  toFieldErrors,
} from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/form-field';
import { isApiError } from '@/lib/api-client';
import { useCreateChecklistTemplate } from '@/features/checklists/api/create-checklist-template';
import { useUpdateChecklistTemplate } from '@/features/checklists/api/update-checklist-template';
import {
  type ItemDraft,
  type TemplateDraft,
  draftOf,
  moveItem,
  newItemDraft,
  templateBody,
} from '@/features/checklists/utils/template-draft';
import './checklists.css';

export interface ScopeOption {
  id: string;
  code: string;
  name: string;
}

const KIND_LABELS: Record<ChecklistItemKind, string> = {
  yes_no: 'Yes / no',
  number: 'Number',
  text: 'Text',
};

type Messages = Record<string, string>;

function splitErrors(errors: readonly { path: string; message: string }[], itemCount: number) {
  const fields: Messages = {};
  const other: string[] = [];
  for (const error of errors) {
    const known =
      ['name', 'lineId', 'productId', 'items'].includes(error.path) ||
      /^items\.(\d+)\.(label|kind|critical|expected|min|max|unit)$/.test(error.path);
    const index = /^items\.(\d+)/.exec(error.path)?.[1];
    if (known && (index === undefined || Number(index) < itemCount))
      fields[error.path] ??= error.message;
    else other.push(error.path === '' ? error.message : `${error.path}: ${error.message}`);
  }
  return { fields, other };
}

interface ChecklistTemplateFormProps {
  lines: readonly ScopeOption[];
  products: readonly ScopeOption[];
  /** The template to change (saving new items makes a new version); without one, a new template. */
  template?: ChecklistTemplate | undefined;
  onSaved?: (template: ChecklistTemplate) => void;
  onCancel?: () => void;
}

/**
 * A checklist template: name, where it applies (a line, a product or both) and its items (add,
 * remove, move up and down; kind, critical, expected answer or limits). Checked with the contract
 * schema on the device; the server's `fieldErrors` (`items.2.max`) go beside the same fields.
 */
export function ChecklistTemplateForm({
  lines,
  products,
  template,
  onSaved,
  onCancel,
}: ChecklistTemplateFormProps) {
  const [draft, setDraft] = useState<TemplateDraft>(() => draftOf(template));
  const [errors, setErrors] = useState<Messages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const createMutation = useCreateChecklistTemplate();
  const updateMutation = useUpdateChecklistTemplate();

  function setItems(items: ItemDraft[]) {
    setDraft((current) => ({ ...current, items }));
    // Messages name items by position: after a move they would point at the wrong row.
    setErrors({});
  }

  function changeItem(key: number, changes: Partial<ItemDraft>) {
    setDraft((current) => ({
      ...current,
      items: current.items.map((item) => (item.key === key ? { ...item, ...changes } : item)),
    }));
  }

  /** Client issues (no `message`) or the server's answer (its message unless fields say it all). */
  function show(list: readonly { path: string; message: string }[], message?: string) {
    const { fields, other } = splitErrors(list, draft.items.length);
    setErrors(fields);
    const named = Object.keys(fields).length > 0;
    const parts =
      message === undefined || (named && other.length === 0) ? other : [message, ...other];
    setFormError(parts.length > 0 ? parts.join(' ') : null);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createChecklistTemplateSchema.safeParse(templateBody(draft));
    if (!parsed.success) {
      show(toFieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    setFormError(null);
    const callbacks = {
      onSuccess: (saved: ChecklistTemplate) => onSaved?.(saved),
      onError: (error: unknown) => {
        if (isApiError(error)) show(error.fieldErrors, error.message);
        else show([], 'The template could not be saved.');
      },
    };
    if (template === undefined) {
      createMutation.mutate(parsed.data, callbacks);
      return;
    }
    // Unchanged items are left out: only new items make a new version.
    const { items, ...rest } = parsed.data;
    const sameItems =
      JSON.stringify(templateBody(draftOf(template)).items) ===
      JSON.stringify(templateBody(draft).items);
    updateMutation.mutate(
      { id: template.id, changes: sameItems ? rest : { ...rest, items } },
      callbacks,
    );
  }

  const scopeOptions = (items: readonly ScopeOption[], emptyLabel: string) => [
    { value: '', label: emptyLabel },
    ...items.map((item) => ({ value: item.id, label: `${item.code} · ${item.name}` })),
  ];

  return (
    <form
      className="form form--grid"
      onSubmit={handleSubmit}
      noValidate
      aria-label={template === undefined ? 'New checklist template' : `Edit ${template.name}`}
    >
      {formError !== null ? (
        <div className="form__full">
          <Alert tone="error">{formError}</Alert>
        </div>
      ) : null}
      <TextField
        name="name"
        label="Name"
        value={draft.name}
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        error={errors.name}
      />
      <SelectField
        name="lineId"
        label="Line"
        value={draft.lineId}
        onChange={(event) => setDraft({ ...draft, lineId: event.target.value })}
        options={scopeOptions(lines, 'Any line')}
        hint="A line, a product, or both"
        error={errors.lineId}
      />
      <SelectField
        name="productId"
        label="Product"
        value={draft.productId}
        onChange={(event) => setDraft({ ...draft, productId: event.target.value })}
        options={scopeOptions(products, 'Any product')}
        error={errors.productId}
      />
      {template !== undefined ? (
        <p className="form__full muted">
          Version {template.version}. Changing the items makes version {template.version + 1}; runs
          keep the version they answered.
        </p>
      ) : null}
      <div className="form__full checklist-template-items">
        <h4>Items</h4>
        {errors.items !== undefined ? <p className="field__error">{errors.items}</p> : null}
        <ol className="checklist-template-items__list">
          {draft.items.map((item, index) => {
            const number = index + 1;
            const at = (field: string) => errors[`items.${index}.${field}`];
            return (
              <li key={item.key}>
                <fieldset className="repeat checklist-template-item">
                  <legend>Item {number}</legend>
                  <div className="checklist-template-item__fields">
                    <TextField
                      name={`items.${index}.label`}
                      label="Label"
                      value={item.label}
                      onChange={(event) => changeItem(item.key, { label: event.target.value })}
                      error={at('label')}
                    />
                    <SelectField
                      name={`items.${index}.kind`}
                      label="Kind"
                      value={item.kind}
                      onChange={(event) =>
                        changeItem(item.key, {
                          kind:
                            CHECKLIST_ITEM_KINDS.find((kind) => kind === event.target.value) ??
                            'yes_no',
                        })
                      }
                      options={CHECKLIST_ITEM_KINDS.map((kind) => ({
                        value: kind,
                        label: KIND_LABELS[kind],
                      }))}
                      error={at('kind')}
                    />
                    {item.kind === 'yes_no' ? (
                      <SelectField
                        name={`items.${index}.expected`}
                        label="Expected answer"
                        value={item.expected}
                        onChange={(event) =>
                          changeItem(item.key, {
                            expected: event.target.value === 'no' ? 'no' : 'yes',
                          })
                        }
                        options={[
                          { value: 'yes', label: 'Yes' },
                          { value: 'no', label: 'No' },
                        ]}
                        error={at('expected')}
                      />
                    ) : null}
                    {item.kind === 'number' ? (
                      <>
                        <TextField
                          name={`items.${index}.min`}
                          label="Min"
                          type="number"
                          inputMode="decimal"
                          step="any"
                          value={item.min}
                          onChange={(event) => changeItem(item.key, { min: event.target.value })}
                          error={at('min')}
                        />
                        <TextField
                          name={`items.${index}.max`}
                          label="Max"
                          type="number"
                          inputMode="decimal"
                          step="any"
                          value={item.max}
                          onChange={(event) => changeItem(item.key, { max: event.target.value })}
                          error={at('max')}
                        />
                        <TextField
                          name={`items.${index}.unit`}
                          label="Unit"
                          value={item.unit}
                          onChange={(event) => changeItem(item.key, { unit: event.target.value })}
                          error={at('unit')}
                        />
                      </>
                    ) : null}
                  </div>
                  <div className="checklist-template-item__row">
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={item.critical}
                        onChange={(event) =>
                          changeItem(item.key, { critical: event.target.checked })
                        }
                      />
                      Critical (a failure blocks the start)
                    </label>
                    <span className="row-actions">
                      <Button
                        variant="secondary"
                        disabled={index === 0}
                        onClick={() => setItems(moveItem(draft.items, index, -1))}
                        aria-label={`Move item ${number} up`}
                      >
                        Up
                      </Button>
                      <Button
                        variant="secondary"
                        disabled={index === draft.items.length - 1}
                        onClick={() => setItems(moveItem(draft.items, index, 1))}
                        aria-label={`Move item ${number} down`}
                      >
                        Down
                      </Button>
                      <Button
                        variant="danger"
                        onClick={() =>
                          setItems(draft.items.filter((other) => other.key !== item.key))
                        }
                        aria-label={`Remove item ${number}`}
                      >
                        Remove
                      </Button>
                    </span>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button variant="secondary" onClick={() => setItems([...draft.items, newItemDraft()])}>
          Add an item
        </Button>
      </div>
      <div className="form__actions form__full">
        {onCancel !== undefined ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" isLoading={createMutation.isPending || updateMutation.isPending}>
          {template === undefined ? 'Create template' : 'Save template'}
        </Button>
      </div>
    </form>
  );
}
