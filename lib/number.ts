/**
 * A plain number as people write it: an optional sign, digits with an
 * optional decimal point, an optional exponent (-12.5, .5, 3., 1e3). One
 * definition for the formula guard (JavaScript and SQL), range bounds and
 * grid filters.
 */
export const PLAIN_NUMBER_SOURCE = "^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$";
const PLAIN_NUMBER = new RegExp(PLAIN_NUMBER_SOURCE);

/** Whether the text, as it is (no trimming), is a plain number. */
export const isPlainNumber = (text: string): boolean => PLAIN_NUMBER.test(text);
