import type { MetadataRoute } from "next";

export const dynamic = "force-static";

const base = process.env.NEXT_PUBLIC_BASE_PATH ?? "";

/** The web app manifest: Stages installs as an app, opens data files from the operating system (File Handling API), and works offline (sw.js). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: `${base}/`,
    name: "Stages — a local-first staging area for data",
    short_name: "Stages",
    description: "Stage, check and promote data files in your browser. Nothing leaves it unless you ask.",
    start_url: `${base}/`,
    scope: `${base}/`,
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#0f172a",
    icons: [
      { src: `${base}/icon.svg`, sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: `${base}/icon-512.png`, sizes: "512x512", type: "image/png", purpose: "any" },
    ],
    file_handlers: [
      {
        action: `${base}/`,
        accept: {
          "text/csv": [".csv"],
          "text/tab-separated-values": [".tsv"],
          "application/json": [".json"],
          "application/geo+json": [".geojson"],
          "application/x-ndjson": [".ndjson"],
          "application/vnd.apache.parquet": [".parquet"],
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
          "application/vnd.ms-excel": [".xls"],
          "application/vnd.oasis.opendocument.spreadsheet": [".ods"],
          "application/xml": [".xml"],
          "application/vnd.sqlite3": [".sqlite", ".sqlite3", ".db"],
          "application/geopackage+sqlite3": [".gpkg"],
          "application/dbf": [".dbf"],
          "application/x-stata-dta": [".dta"],
          "application/x-spss-sav": [".sav", ".zsav"],
          "application/x-spss-por": [".por"],
          "application/x-sas-data": [".sas7bdat"],
          "application/x-sas-xport": [".xpt"],
          "application/vnd.apache.arrow.file": [".arrow", ".feather"],
          "application/vnd.apache.arrow.stream": [".arrows"],
          "application/zip": [".zip"],
        },
      },
    ],
    launch_handler: { client_mode: "focus-existing" },
  };
}
