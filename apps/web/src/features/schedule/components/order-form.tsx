import type { FormEvent } from 'react';
import {
  type ProductionOrder,
  createProductionOrderSchema,
  updateProductionOrderSchema,
} from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { useCreateOrder } from '@/features/schedule/api/create-order';
import { useUpdateOrder } from '@/features/schedule/api/update-order';
import { namedFields, useFormErrors } from '@/lib/use-form-errors';
import { isoToLocalInput, localInputToIso } from '@/lib/local-time';

export interface NamedOption {
  id: string;
  code: string;
  name: string;
}

const FIELDS = namedFields([
  'lineId',
  'productId',
  'quantity',
  'plannedStart',
  'plannedEnd',
  'reference',
]);

interface OrderFormProps {
  lines: readonly NamedOption[];
  products: readonly NamedOption[];
  /** The planned order to change; without one the form plans a new order. */
  order?: ProductionOrder | undefined;
  /** The line a new order starts on (the schedule's line filter). */
  defaultLineId?: string | undefined;
  onSaved?: (order: ProductionOrder) => void;
  onCancel?: () => void;
}

function options(items: readonly NamedOption[], placeholder: string) {
  return [
    { value: '', label: placeholder },
    ...items.map((item) => ({ value: item.id, label: `${item.code} · ${item.name}` })),
  ];
}

/**
 * Plan an order, or change a planned one: line, product, quantity, the planned window (the
 * browser's local time, sent as ISO 8601 with its offset) and an optional reference. Checked with
 * the contract schema before sending; a schedule conflict from the server shows beside the times.
 */
export function OrderForm({
  lines,
  products,
  order,
  defaultLineId,
  onSaved,
  onCancel,
}: OrderFormProps) {
  const { fieldErrors, formError, clear, showIssues, showServerError } = useFormErrors();
  const createMutation = useCreateOrder();
  const updateMutation = useUpdateOrder();
  const isEdit = order !== undefined;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const quantityText = formText(data, 'quantity').trim();
    const raw = {
      productId: formText(data, 'productId'),
      quantity: quantityText === '' ? undefined : Number(quantityText),
      plannedStart: localInputToIso(formText(data, 'plannedStart')),
      plannedEnd: localInputToIso(formText(data, 'plannedEnd')),
    };
    const reference = formText(data, 'reference').trim();
    const empty = new Set(
      ['productId', 'quantity', 'plannedStart', 'plannedEnd', 'lineId'].filter(
        (name) => formText(data, name).trim() === '',
      ),
    );
    const rename = (path: string, message: string) => (empty.has(path) ? 'Required' : message);
    const callbacks = {
      onSuccess: (saved: ProductionOrder) => onSaved?.(saved),
      onError: (error: unknown) => showServerError(error, FIELDS, 'The order could not be saved.'),
    };

    if (!isEdit) {
      const parsed = createProductionOrderSchema.safeParse({
        lineId: formText(data, 'lineId'),
        ...raw,
        ...(reference === '' ? {} : { reference }),
      });
      if (!parsed.success) return showIssues(parsed.error, FIELDS, rename);
      clear();
      createMutation.mutate(parsed.data, callbacks);
      return;
    }
    const parsed = updateProductionOrderSchema.safeParse({
      ...raw,
      reference: reference === '' ? null : reference,
    });
    if (!parsed.success) return showIssues(parsed.error, FIELDS, rename);
    clear();
    updateMutation.mutate({ id: order.id, changes: parsed.data }, callbacks);
  }

  const line = isEdit ? lines.find((item) => item.id === order.lineId) : undefined;

  return (
    <form
      className="form form--grid"
      onSubmit={handleSubmit}
      noValidate
      aria-label={isEdit ? 'Edit order' : 'New order'}
    >
      {formError !== null ? (
        <div className="form__full">
          <Alert tone="error">{formError}</Alert>
        </div>
      ) : null}
      {isEdit ? (
        <TextField
          name="line"
          label="Line"
          value={line === undefined ? order.lineCode : `${line.code} · ${line.name}`}
          readOnly
          hint="The line cannot change: cancel the order and plan it again"
        />
      ) : (
        <SelectField
          key={`line-${lines.length}`}
          name="lineId"
          label="Line"
          defaultValue={defaultLineId ?? ''}
          options={options(lines, 'Choose a line')}
          error={fieldErrors.lineId}
        />
      )}
      <SelectField
        key={`product-${products.length}`}
        name="productId"
        label="Product"
        defaultValue={order?.productId ?? ''}
        options={options(products, 'Choose a product')}
        error={fieldErrors.productId}
      />
      <TextField
        name="quantity"
        label="Quantity"
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        defaultValue={order?.quantity}
        error={fieldErrors.quantity}
      />
      <TextField
        name="reference"
        label="Reference"
        autoComplete="off"
        hint="Optional, e.g. the ERP order number"
        defaultValue={order?.reference ?? undefined}
        error={fieldErrors.reference}
      />
      <TextField
        name="plannedStart"
        label="Planned start"
        type="datetime-local"
        defaultValue={order === undefined ? undefined : isoToLocalInput(order.plannedStart)}
        error={fieldErrors.plannedStart}
      />
      <TextField
        name="plannedEnd"
        label="Planned end"
        type="datetime-local"
        defaultValue={order === undefined ? undefined : isoToLocalInput(order.plannedEnd)}
        error={fieldErrors.plannedEnd}
      />
      <div className="form__actions form__full">
        {onCancel !== undefined ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" isLoading={createMutation.isPending || updateMutation.isPending}>
          {isEdit ? 'Save order' : 'Create order'}
        </Button>
      </div>
    </form>
  );
}
