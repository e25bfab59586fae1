/** DuckDB type names, as DESCRIBE reports them: whole names, so that a list (VARCHAR[], DOUBLE[]) is none of these. */
const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/i;
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/i;
const TEXT = /^(VARCHAR|TEXT|STRING)$/i;

export const isNumericType = (type: string): boolean => NUMERIC.test(type);
export const isIntegerType = (type: string): boolean => INTEGER.test(type);
export const isTextType = (type: string): boolean => TEXT.test(type);
/** A type whose values' text is never empty or spaces alone (a number, a date or time, a boolean, a UUID), as text or a BLOB's may be. */
export const hasNonBlankText = (type: string): boolean =>
  isNumericType(type) || /^(BOOLEAN|UUID|DATE|INTERVAL|TIMETZ|TIMESTAMPTZ|TIME( WITH TIME ZONE)?|TIMESTAMP(_S|_MS|_NS| WITH TIME ZONE)?)$/i.test(type.trim());
/** A list, struct, map or union: a value made of values. */
export const isNestedType = (type: string): boolean => /\[\d*\]$|^(STRUCT|MAP|UNION)\(/i.test(type.trim());

/** A type name safe to splice into SQL: VARCHAR, DECIMAL(10,2), TIMESTAMP WITH TIME ZONE, INTEGER[]. */
export const isSafeTypeName = (type: string): boolean => /^[A-Za-z][A-Za-z0-9_ ]*(\(\d+(,\s*\d+)?\))?(\[\])?$/.test(type.trim());
