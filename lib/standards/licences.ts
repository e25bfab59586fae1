/** Open licences a Data Package may name (`licenses`: SPDX id, its text's address, its title), as the Frictionless specification lists them. */
export interface Licence {
  name: string;
  path: string;
  title: string;
}

export const LICENCES: readonly Licence[] = [
  { name: "CC0-1.0", path: "https://creativecommons.org/publicdomain/zero/1.0/", title: "Creative Commons Zero v1.0 Universal" },
  { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0" },
  { name: "CC-BY-SA-4.0", path: "https://creativecommons.org/licenses/by-sa/4.0/", title: "Creative Commons Attribution Share-Alike 4.0" },
  { name: "PDDL-1.0", path: "https://opendatacommons.org/licenses/pddl/", title: "Open Data Commons Public Domain Dedication and License v1.0" },
  { name: "ODC-By-1.0", path: "https://opendatacommons.org/licenses/by/", title: "Open Data Commons Attribution License v1.0" },
  { name: "ODbL-1.0", path: "https://opendatacommons.org/licenses/odbl/", title: "Open Data Commons Open Database License v1.0" },
];

/** The licence of that SPDX id, or undefined (none given, or one this list does not have). */
export const licenceOf = (name: string | undefined): Licence | undefined => LICENCES.find((l) => l.name === name);
