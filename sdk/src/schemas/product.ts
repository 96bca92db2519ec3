import * as v from 'valibot';
import { text, optionalText, optionalPattern, pastDate } from './fields.js';

/** The product the case is about (R2: product data). */
export const ProductSchema = v.strictObject(
  {
    brand: text(1, 80),
    model: text(1, 120),
    serialNumber: optionalPattern(80, /^[\w\-./ ]*$/),
    purchaseDate: pastDate,
    retailer: optionalText(120),
    proofOfPurchaseRef: optionalText(120),
  },
  'unknown_field',
);
export type ProductInput = v.InferInput<typeof ProductSchema>;
export type ProductOutput = v.InferOutput<typeof ProductSchema>;
