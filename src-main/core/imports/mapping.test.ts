import { describe, expect, it } from 'vitest';
import { autoMap } from './mapping.ts';

/** The mapping as field → header, to read at a glance. */
const mapped = (headers: readonly string[]) =>
  Object.fromEntries(
    Object.entries(autoMap(headers)).map(([field, column]) => [field, headers[column]]),
  );

describe('columns mapped from their headers', () => {
  it('maps a WooCommerce order export, taking "Item Name" for the product over "Item #"', () => {
    const headers = [
      'Order Number', 'Order Status', 'Order Date', 'First Name (Billing)', 'Last Name (Billing)',
      'Email (Billing)', 'Phone (Billing)', 'Order Refund Amount', 'Order Total Amount', 'SKU',
      'Item #', 'Item Name', 'Quantity', 'Item Cost',
    ]; // prettier-ignore
    expect(mapped(headers)).toEqual({
      receiptId: 'Order Number',
      status: 'Order Status',
      orderedAt: 'Order Date',
      firstName: 'First Name (Billing)',
      lastName: 'Last Name (Billing)',
      email: 'Email (Billing)',
      phone: 'Phone (Billing)',
      refundedAmount: 'Order Refund Amount',
      total: 'Order Total Amount',
      sku: 'SKU',
      productName: 'Item Name',
      quantity: 'Quantity',
      unitPrice: 'Item Cost',
    });
  });

  it('gives a field the column with its more specific name, the first one on a tie', () => {
    expect(mapped(['Date', 'Mobile', 'Phone', 'Total']).phone).toBe('Phone');
    expect(autoMap(['Date', 'Phone', 'Phone', 'Total']).phone).toBe(1);
  });
});
