/**
 * Words columns are named with, in the languages exports come in most: a first row made of them alone is a
 * header even where the columns' shapes cannot tell (lib/csv/layout.ts): a column of words and numbers (a
 * key and value list's `value`: Ada, 36, London) takes the word "value" as readily as a row's value.
 */
const WORDS = new Set(
  (
    "key keys value values name names id ids field fields attribute attributes property properties parameter parameters param setting settings option options " +
    "label labels description desc type types kind category categories class group count number no num amount total sum date time timestamp year month day week " +
    "email mail phone address city country state region zip postcode code status note notes comment comments title url link price cost quantity qty unit units " +
    "score rank item items product products customer user username variable variables metric measure answer answers question questions response result results " +
    "source target first last full start end min max avg mean level size weight height width length age gender text message content tag tags language version " +
    "location lat lon latitude longitude created updated details info data entry " +
    "nom nombre wert werte valeur valeurs valor valores schlüssel clé clave chave feld campo campos champ datum fecha ort stadt ville ciudad land pays país " +
    "preis prix precio menge anzahl betrag montant importe kunde cliente artikel bezeichnung beschreibung libellé descripción descrição"
  ).split(" "),
);

/** Whether every value of a first row is a name made of those words ("key", "first_name", "Unit Price"), none of them found again below it in its column. */
export function namedByWords(fields: readonly string[], rows: readonly (readonly string[])[]): boolean {
  const named = fields.every((field) => {
    const words = field.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
    return words.length > 0 && words.every((w) => WORDS.has(w));
  });
  if (!named) return false;
  return fields.every((field, c) => rows.every((row) => (row[c] ?? "").trim().toLowerCase() !== field.trim().toLowerCase()));
}
