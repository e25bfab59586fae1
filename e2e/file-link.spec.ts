import { createServer, type Server } from "node:http";
import { expect, test } from "./support/test";
import { destination, openApp, openParsePanel, paste, stagedItem, stagingArea } from "./support/app";

const ROWS = "id,region,amount\n1,north,10\n2,south,12.5\n3,east,7\n";
let server: Server;
let origin: string;

// A data portal's download links: one named only by its content type, one by the server's file name; a server that
// does not let other sites read its files (no CORS header), and a file that is not there.
test.beforeAll(async () => {
  server = createServer((req, res) => {
    const cors = { "access-control-allow-origin": "*", "access-control-expose-headers": "content-disposition" };
    if (req.url?.startsWith("/api/views/sales/rows")) res.writeHead(200, { ...cors, "content-type": "text/csv; charset=utf-8" }).end(ROWS);
    else if (req.url === "/download?id=7") res.writeHead(200, { ...cors, "content-type": "application/octet-stream", "content-disposition": 'attachment; filename="regions 2024.csv"' }).end(ROWS);
    else if (req.url === "/files/orders.csv") res.writeHead(200, { ...cors, "content-type": "text/csv" }).end("order,qty\n1,2\n");
    else if (req.url === "/private/sales.csv") res.writeHead(200, { "content-type": "text/csv" }).end(ROWS);
    else res.writeHead(404, cors).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
test.afterAll(() => server.close());


test("a data file's address, typed or pasted, is fetched and staged, and its versions' lineage names it", async ({ page }) => {
  await openApp(page);
  const url = `${origin}/api/views/sales/rows?accessType=DOWNLOAD`;
  await page.getByRole("textbox", { name: "Link to a data file" }).fill(url);
  await page.getByRole("button", { name: "Fetch and stage" }).click();
  await expect(stagedItem(page, "rows.csv")).toContainText("3 rows");
  await expect((await openParsePanel(page)).getByText(`Fetched from ${url}, which the lineage of its versions names.`)).toBeVisible();
  await page.getByRole("button", { name: "Promote", exact: true }).click();
  await destination(page).getByText("Versions of rows").click();
  await expect(destination(page)).toContainText(`fetched from ${url}`);

  // Pasted on the page, the address is fetched too; the server's own name for the file is kept.
  await paste(page, { "text/plain": `  ${origin}/download?id=7\n` });
  await expect(stagedItem(page, "regions 2024.csv")).toContainText("3 rows");

  // A link dragged from another page onto the drop area is fetched as well.
  await page.getByText(/^Drop data files or a folder here/).evaluate((zone, uri) => {
    const dataTransfer = new DataTransfer();
    dataTransfer.setData("text/uri-list", `# a comment line\r\n${uri}`);
    zone.parentElement!.dispatchEvent(new DragEvent("drop", { dataTransfer, bubbles: true, cancelable: true }));
  }, `${origin}/files/orders.csv`);
  await expect(stagedItem(page, "orders.csv")).toContainText("1 row");
});

test("an address that cannot be fetched is said with the reason, and text that is no address is refused", async ({ page }) => {
  await openApp(page);
  const field = page.getByRole("textbox", { name: "Link to a data file" });
  await field.fill(`${origin}/private/sales.csv`);
  await page.getByRole("button", { name: "Fetch and stage" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "/private/sales.csv" })).toContainText("does not let other sites read the file (CORS)");
  await field.fill(`${origin}/missing.csv`);
  await page.getByRole("button", { name: "Fetch and stage" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "missing.csv" })).toContainText(`The server at ${new URL(origin).host} answered 404 Not Found.`);
  await field.fill("sales.csv");
  await page.getByRole("button", { name: "Fetch and stage" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Give the http(s) address of one data file." })).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(stagingArea(page).getByText("No files staged yet.")).toBeVisible();
});
