/**
 * The top-level columns a Parquet file marks as UUID, read from its footer.
 * The browser's Parquet reader (parquet-wasm) gives such a column as 16 raw
 * bytes with no mark, which DuckDB stages as a BLOB; the footer's schema
 * says what they are. A Parquet footer is a Thrift structure in the compact
 * protocol: its second field, the schema, is a list of elements in depth-first
 * order (the root first), each with its name, its number of children and its
 * logical type (field 10, a union whose field 14 is UUID).
 */

/** SQL for a column of 16 bytes as a UUID: its hex digits grouped 8-4-4-4-12. */
export const uuidFromBytes = (column: string): string => `CAST(regexp_replace(hex(${column}), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\\1-\\2-\\3-\\4-\\5') AS UUID)`;

/** The footer's length is in the file's last 8 bytes, before the magic `PAR1`. */
export function footerLength(tail: Uint8Array): number | undefined {
  if (tail.length < 8 || new TextDecoder().decode(tail.subarray(tail.length - 4)) !== "PAR1") return undefined;
  return new DataView(tail.buffer, tail.byteOffset + tail.length - 8, 4).getUint32(0, true);
}

/** Thrift compact protocol types. */
const T = { Stop: 0, True: 1, False: 2, Byte: 3, I16: 4, I32: 5, I64: 6, Double: 7, Binary: 8, List: 9, Set: 10, Map: 11, Struct: 12 } as const;

interface SchemaElement {
  name: string;
  children: number;
  uuid: boolean;
}

/** The names of the top-level columns whose logical type is UUID; none when the footer cannot be read. */
export function uuidColumns(footer: Uint8Array): string[] {
  try {
    const schema = readSchema(new Reader(footer));
    const names: string[] = [];
    // The root's children are the top-level columns; each is followed by its own descendants.
    for (let i = 1; i < schema.length; i = skipTree(schema, i)) if (schema[i]!.uuid && schema[i]!.children === 0) names.push(schema[i]!.name);
    return names;
  } catch {
    return [];
  }
}

/** The index after the element at `i` and all its descendants. */
function skipTree(schema: readonly SchemaElement[], i: number): number {
  let next = i + 1;
  for (let c = 0; c < schema[i]!.children; c++) next = skipTree(schema, next);
  return next;
}

class Reader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  byte(): number {
    if (this.at >= this.bytes.length) throw new RangeError("The footer ends early.");
    return this.bytes[this.at++]!;
  }

  varint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return value;
      if (shift > 63) throw new RangeError("A number in the footer is too long.");
    }
  }

  zigzag(): number {
    const n = this.varint();
    return n % 2 ? -(n + 1) / 2 : n / 2;
  }

  text(): string {
    const length = this.varint();
    this.at += length;
    if (this.at > this.bytes.length) throw new RangeError("The footer ends early.");
    return new TextDecoder().decode(this.bytes.subarray(this.at - length, this.at));
  }

  /** The next field of a struct: its id and type, or null at the struct's end. */
  field(last: number): { id: number; type: number } | null {
    const header = this.byte();
    const type = header & 0x0f;
    if (type === T.Stop) return null;
    const delta = header >> 4;
    return { id: delta ? last + delta : this.zigzag(), type };
  }

  /** A list's element type and size. */
  list(): { type: number; size: number } {
    const header = this.byte();
    const size = header >> 4;
    return { type: header & 0x0f, size: size === 15 ? this.varint() : size };
  }

  skip(type: number): void {
    switch (type) {
      case T.True:
      case T.False:
        return;
      case T.Byte:
        this.at++;
        return;
      case T.I16:
      case T.I32:
      case T.I64:
        this.varint();
        return;
      case T.Double:
        this.at += 8;
        return;
      case T.Binary:
        this.text();
        return;
      case T.List:
      case T.Set: {
        const { type: item, size } = this.list();
        for (let i = 0; i < size; i++) this.skip(item === T.True ? T.Byte : item);
        return;
      }
      case T.Map: {
        const size = this.varint();
        if (!size) return;
        const kinds = this.byte();
        for (let i = 0; i < size; i++) {
          this.skip(kinds >> 4);
          this.skip(kinds & 0x0f);
        }
        return;
      }
      case T.Struct:
        this.struct(() => false);
        return;
      default:
        throw new RangeError(`Unknown Thrift type ${type} in the footer.`);
    }
  }

  /** Read a struct's fields: `visit` reads a field it knows and returns true, or returns false to have it skipped. */
  struct(visit: (id: number, type: number) => boolean): void {
    let last = 0;
    for (let f = this.field(last); f; f = this.field(last)) {
      if (!visit(f.id, f.type)) this.skip(f.type);
      last = f.id;
    }
  }
}

const UUID = 14;

/** FileMetaData's field 2, the schema. */
function readSchema(r: Reader): SchemaElement[] {
  let schema: SchemaElement[] | undefined;
  r.struct((id, type) => {
    if (id !== 2 || type !== T.List) return false;
    const { size } = r.list();
    schema = Array.from({ length: size }, () => readElement(r));
    return true;
  });
  if (!schema) throw new RangeError("The footer has no schema.");
  return schema;
}

function readElement(r: Reader): SchemaElement {
  const element: SchemaElement = { name: "", children: 0, uuid: false };
  r.struct((id, type) => {
    if (id === 4 && type === T.Binary) element.name = r.text();
    else if (id === 5 && type === T.I32) element.children = r.zigzag();
    // The logical type is a union: the id of its one field says which.
    else if (id === 10 && type === T.Struct) r.struct((kind) => ((element.uuid ||= kind === UUID), false));
    else return false;
    return true;
  });
  return element;
}
