import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KbData } from '../core/index.js';
import { namesOf } from '../core/index.js';

/**
 * Write the compiled KB as a SQLite file. Deterministic: the same KB gives a byte-identical file
 * (rollback journal, fixed insert order, VACUUM at the end; no timestamps are stored).
 */
export function writeSqlite(data: KbData, path: string, sourceHash: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  if (existsSync(tmp)) rmSync(tmp);
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = DELETE');
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE substances (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, json TEXT NOT NULL CHECK (json_valid(json)));
      CREATE TABLE names (substance_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL);
      CREATE VIRTUAL TABLE names_fts USING fts5(name, substance_id UNINDEXED, type UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TABLE targets (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, json TEXT NOT NULL);
      CREATE TABLE relations (id TEXT PRIMARY KEY, subject TEXT NOT NULL, object TEXT NOT NULL, action TEXT NOT NULL, evidence TEXT NOT NULL, json TEXT NOT NULL);
      CREATE INDEX relations_subject ON relations(subject);
      CREATE INDEX relations_object ON relations(object);
      CREATE TABLE pk (id TEXT PRIMARY KEY, substance TEXT NOT NULL, species TEXT NOT NULL, route TEXT NOT NULL, json TEXT NOT NULL);
      CREATE TABLE findings (id TEXT PRIMARY KEY, source TEXT NOT NULL, evidence TEXT NOT NULL, json TEXT NOT NULL);
      CREATE TABLE finding_substances (finding_id TEXT NOT NULL, substance_id TEXT NOT NULL);
      CREATE TABLE sources (id TEXT PRIMARY KEY, type TEXT NOT NULL, pmid TEXT, doi TEXT, json TEXT NOT NULL);
      CREATE TABLE legal (substance TEXT NOT NULL, jurisdiction TEXT NOT NULL, use TEXT NOT NULL, status TEXT NOT NULL, as_of TEXT NOT NULL, json TEXT NOT NULL);
      CREATE TABLE effects (id TEXT PRIMARY KEY, json TEXT NOT NULL);
      CREATE TABLE clinical (id TEXT PRIMARY KEY, victim TEXT NOT NULL, perpetrator TEXT NOT NULL, json TEXT NOT NULL);
      CREATE TABLE risks (id TEXT PRIMARY KEY, json TEXT NOT NULL);
    `);
    const j = (v: unknown): string => JSON.stringify(v);
    const tx = db.transaction(() => {
      const meta = db.prepare('INSERT INTO meta VALUES (?, ?)');
      meta.run('version', data.version);
      meta.run('sourceHash', sourceHash);
      meta.run('schema', '1');
      const s = db.prepare('INSERT INTO substances VALUES (?, ?, ?, ?)');
      const n = db.prepare('INSERT INTO names VALUES (?, ?, ?)');
      const f = db.prepare('INSERT INTO names_fts (name, substance_id, type) VALUES (?, ?, ?)');
      for (const x of data.substances) {
        s.run(x.id, x.name, x.kind, j(x));
        for (const nm of namesOf(x)) {
          n.run(x.id, nm.name, nm.type);
          f.run(nm.name, x.id, nm.type);
        }
      }
      const t = db.prepare('INSERT INTO targets VALUES (?, ?, ?, ?)');
      for (const x of data.targets) t.run(x.id, x.name, x.kind, j(x));
      const r = db.prepare('INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?)');
      for (const x of data.relations) r.run(x.id, x.subject, x.object, x.action, x.evidence, j(x));
      const p = db.prepare('INSERT INTO pk VALUES (?, ?, ?, ?, ?)');
      for (const x of data.pk) p.run(x.id, x.substance, x.species, x.route, j(x));
      const fi = db.prepare('INSERT INTO findings VALUES (?, ?, ?, ?)');
      const fs = db.prepare('INSERT INTO finding_substances VALUES (?, ?)');
      for (const x of data.findings) {
        fi.run(x.id, x.source, x.evidence, j(x));
        for (const i of x.interventions) fs.run(x.id, i.substance);
      }
      const so = db.prepare('INSERT INTO sources VALUES (?, ?, ?, ?, ?)');
      for (const x of data.sources) so.run(x.id, x.type, x.pmid ?? null, x.doi ?? null, j(x));
      const l = db.prepare('INSERT INTO legal VALUES (?, ?, ?, ?, ?, ?)');
      for (const x of data.legal) l.run(x.substance, x.jurisdiction, x.use, x.status, x.asOf, j(x));
      const e = db.prepare('INSERT INTO effects VALUES (?, ?)');
      for (const x of data.effects) e.run(x.id, j(x));
      const c = db.prepare('INSERT INTO clinical VALUES (?, ?, ?, ?)');
      for (const x of data.clinical) c.run(x.id, x.victim, x.perpetrator, j(x));
      const rk = db.prepare('INSERT INTO risks VALUES (?, ?)');
      for (const x of data.risks) rk.run(x.id, j(x));
    });
    tx();
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  renameSync(tmp, path);
}
