/**
 * A statistical dataset's table as its reader gives it (SAS, Stata, SPSS): columns of a type each, and rows of
 * values, which lib/typed-table/arrow.ts hands DuckDB as Arrow. The file says each column's type (a number, text, a date
 * by its format), so nothing is guessed from text; where a column's values decide (whole numbers, a code's labels, a
 * time past 24 hours), the engine checks them all once they are loaded (workers/engine/typed-table-load.ts).
 */
export type ColumnType = "number" | "text" | "date" | "timestamp" | "time" | "labelled";

export interface TypedColumn {
  name: string;
  type: ColumnType;
  /** What the file says the column is (a variable's label: "Yearly income (EUR)"), where it says. */
  label?: string;
}

/**
 * A value, null when missing: a number as itself; a date or timestamp as milliseconds from 1970 (UTC); text as
 * itself, or as its UTF-8 bytes (which are then written as they are); a time as `23:59:59` (a duration past 24
 * hours as `30:00:00`); a labelled code as its label, or its number's text when it has none.
 */
export type TypedCell = number | string | Uint8Array | null;

export interface TypedTable {
  /** What the file says the dataset is (its label: "Household survey, 2019 wave"), where it says. */
  label?: string;
  columns: TypedColumn[];
  /**
   * One array of values per row, in the columns' order. Each row is used before the next is asked for, so a reader
   * may fill the same array, and the same bytes of a text value, again for the next row.
   */
  rows: Iterable<TypedCell[]>;
  /** How many rows the file says it holds, where it says (the engine reports its load's progress against it). */
  rowCount?: number;
}
