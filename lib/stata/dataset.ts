import { FormatError } from "@/lib/format-error";

/** Why a file cannot be read as a Stata dataset. */
export class DtaError extends FormatError {}

export interface DtaVariable {
  name: string;
  /** 1–2045: a string of that many bytes; 32768: a long string; 65526–65530: double, float, long, int, byte. */
  type: number;
  format: string;
  /** The value label set that names its codes, if any. */
  labels: string;
  /** Its variable label, if any. */
  label?: string;
}

/** A Stata dataset as its readers give it (dta.ts for format 117 and later, dta-old.ts for 113 to 115), for dtaTable. */
export interface Dta {
  /** The dataset's label, if it has one. */
  label?: string;
  variables: DtaVariable[];
  rows: number;
  /** The byte where the rows start, and the width of one. */
  start: number;
  width: number;
  little: boolean;
  release: number;
  /** Long strings by their (variable, observation) key. */
  strls: Map<string, string>;
  /** Value label sets: code → label. */
  valueLabels: Map<string, Map<number, string>>;
}

/** The bytes a number of each numeric type takes: double, float, long, int, byte. */
export const WIDTHS: Record<number, number> = { 65526: 8, 65527: 4, 65528: 4, 65529: 2, 65530: 1 };

/** A long string's type: its value in a row is an 8-byte key into the strLs. */
export const STRL = 32768;

/** The bytes a value of the type takes in a row. */
export const variableWidth = (type: number): number => (type <= 2045 ? type : type === STRL ? 8 : WIDTHS[type]!);
