// Readiness checks (共享调取记录 sp_gxdq): written as a readiness answer leaves the
// subgraph, read back when an acceptance cites one. The materials and the prefill are
// kept as answered (jsonb), because what matters later is what the window was told.
import type { Silo } from "@onceonly/shared";
import type { ReadinessCheckRecord } from "./readiness-record.js";

interface ReadinessRow {
  dqbh: string;
  sqrzjhm: string;
  sxbm: string;
  dqsj: Date;
  dqck: string | null;
  dqbm: string | null;
  dqmd: string | null;
  sfzc: boolean | null;
  sfsw: boolean | null;
  jg: string | Pick<ReadinessCheckRecord, "applicantKind" | "materials" | "prefill">;
  [column: string]: unknown;
}

export class ReadinessSource {
  constructor(private readonly silo: Silo) {}

  /** Inserts a batch of checks in one statement (a window query may ask for several applicants). */
  async insert(records: readonly ReadinessCheckRecord[]): Promise<void> {
    if (records.length === 0) return;
    const column = <K extends keyof ReadinessCheckRecord>(key: K) => records.map((r) => r[key]);
    await this.silo.query(
      `INSERT INTO sp_gxdq (dqbh, sqrzjhm, sxbm, dqsj, dqck, dqbm, dqmd, sfzc, sfsw, jg)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[],
                            $8::boolean[], $9::boolean[], $10::jsonb[])`,
      [
        column("id"), column("applicant"), column("matterCode"), column("checkedAt"), column("window"), column("department"),
        column("purpose"), column("registered"), column("deceased"),
        records.map((r) => JSON.stringify({ applicantKind: r.applicantKind, materials: r.materials, prefill: r.prefill })),
      ],
    );
  }

  async byId(id: string): Promise<ReadinessCheckRecord | null> {
    const [row] = await this.silo.query<ReadinessRow>(
      `SELECT dqbh, sqrzjhm, sxbm, dqsj, dqck, dqbm, dqmd, sfzc, sfsw, jg FROM sp_gxdq WHERE dqbh = $1`,
      [id],
    );
    return row ? toRecord(row) : null;
  }
}

// Private: pg returns jsonb parsed; PGlite may hand back text on some paths.
function toRecord(row: ReadinessRow): ReadinessCheckRecord {
  const body = typeof row.jg === "string" ? (JSON.parse(row.jg) as Exclude<ReadinessRow["jg"], string>) : row.jg;
  return {
    id: row.dqbh,
    applicant: row.sqrzjhm,
    applicantKind: body.applicantKind,
    matterCode: row.sxbm,
    checkedAt: row.dqsj,
    window: row.dqck,
    department: row.dqbm,
    purpose: row.dqmd,
    registered: row.sfzc,
    deceased: row.sfsw,
    materials: body.materials,
    prefill: body.prefill,
  };
}
