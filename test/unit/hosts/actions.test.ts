/**
 * What the pane's buttons do when the user declines to write: 「仅检查，不标记」 reads and checks
 * and leaves the document as it is, earlier marks included (a check otherwise replaces them,
 * which in a Word that cannot pause 修订 would be recorded as the user's revisions).
 */
import { MemoryDocument } from "../../../src/hosts/memory/memory-document";
import { MemoryHost } from "../../../src/hosts/memory/memory-host";
import { checkDocument } from "../../../src/hosts/actions";
import { BALANCED_TABLE3, docx, statutoryReport } from "../../support/docx-builder";

const faulty = () =>
  MemoryDocument.fromDocx(
    docx(statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } })),
  );

describe("checking without writing", () => {
  it("leaves earlier marks and the ledger as they are, and reports nothing written", async () => {
    const document = faulty();
    const host = new MemoryHost(document);
    const first = await checkDocument(host, { shading: true, reviewer: false });
    expect(first.marks.shaded).toBeGreaterThan(0);
    const before = JSON.stringify({ blocks: document.blocks, parts: document.parts });

    const writes: unknown[] = [];
    const write = host.write.bind(host);
    host.write = async (plan) => {
      writes.push(plan);
      return write(plan);
    };
    const checked = await checkDocument(host, { shading: false, reviewer: false, write: false });
    expect(writes).toEqual([]);
    expect(JSON.stringify({ blocks: document.blocks, parts: document.parts })).toBe(before);
    expect(checked.result.findings.length).toBe(first.result.findings.length);
    expect(checked.marks).toMatchObject({ shaded: 0, restored: 0, commented: 0 });
  });

  it("writes as usual otherwise: a check with shading off replaces the earlier marks", async () => {
    const host = new MemoryHost(faulty());
    const first = await checkDocument(host, { shading: true, reviewer: false });
    const second = await checkDocument(host, { shading: false, reviewer: false });
    expect(second.marks.restored).toBe(first.marks.shaded);
  });
});
