// The defect manifest as a file, written as the seed goes: a million persons at 1 % make
// hundreds of thousands of entries, so they stream to disk batch by batch instead of
// piling up. The file is one JSON document (DefectManifest), one entry per line.
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { Defect, DefectManifest, DefectRuleTally } from "./types.js";

export type ManifestHeader = Omit<DefectManifest, "defects" | "rules">;

export class DefectManifestWriter {
  private first = true;
  private entries = 0;

  private constructor(private readonly out: WriteStream) {}

  static async open(path: string, header: ManifestHeader): Promise<DefectManifestWriter> {
    const out = createWriteStream(path, { encoding: "utf8" });
    await once(out, "open");
    const writer = new DefectManifestWriter(out);
    const head = JSON.stringify(header, null, 2);
    await writer.write(`${head.slice(0, -2)},\n  "defects": [`);
    return writer;
  }

  get count(): number {
    return this.entries;
  }

  async add(defects: readonly Defect[]): Promise<void> {
    if (defects.length === 0) return;
    let text = "";
    for (const d of defects) {
      text += `${this.first ? "" : ","}\n    ${JSON.stringify(d)}`;
      this.first = false;
    }
    this.entries += defects.length;
    await this.write(text);
  }

  async close(rules: readonly DefectRuleTally[]): Promise<void> {
    const tail = rules.length === 0 ? "[]" : `[\n${rules.map((r) => `    ${JSON.stringify(r)}`).join(",\n")}\n  ]`;
    await this.write(`${this.first ? "" : "\n  "}],\n  "rules": ${tail}\n}\n`);
    this.out.end();
    await once(this.out, "finish");
  }

  /** Closes the file without completing it (the seed failed). */
  destroy(): void {
    this.out.destroy();
  }

  // Private: waits for the stream to drain when its buffer is full.
  private async write(text: string): Promise<void> {
    if (!this.out.write(text)) await once(this.out, "drain");
  }
}
