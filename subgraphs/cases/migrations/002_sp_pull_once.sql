-- Pull once (issue 4): readiness checks, case acceptance by reference, lifecycle facts,
-- one-thing bundles and the data behind the sharing statistics. The legacy layout and
-- its pinyin naming are kept; new columns are nullable so legacy writers keep working.

-- Which materials a matter lets the applicant replace by a signed commitment (告知承诺制)
-- or hand in after acceptance (容缺受理). '1' allowed, anything else not.
ALTER TABLE sp_sxcl ADD COLUMN yxcn varchar(1) NOT NULL DEFAULT '0';   -- 允许告知承诺
ALTER TABLE sp_sxcl ADD COLUMN yxrq varchar(1) NOT NULL DEFAULT '0';   -- 允许容缺

-- 一件事一次办: a bundle matter (itself a row of sp_sxml) and the member matters it opens.
CREATE TABLE sp_yjs (
  zhsxbm  varchar(32) NOT NULL,            -- 组合事项编码 (the bundle)
  cysxbm  varchar(32) NOT NULL,            -- 成员事项编码 (a member matter)
  xh      integer NOT NULL DEFAULT 0,      -- order of the member cases
  PRIMARY KEY (zhsxbm, cysxbm)
);

-- Which bundle material serves which member material: a material shared by several
-- members (an ID card, a household booklet) is one bundle material, submitted once.
CREATE TABLE sp_yjscl (
  zhsxbm  varchar(32) NOT NULL,
  zhclbm  varchar(32) NOT NULL,            -- the bundle's material (sp_sxcl of the bundle)
  cysxbm  varchar(32) NOT NULL,
  cyclbm  varchar(32) NOT NULL,            -- the member's material (sp_sxcl of the member)
  PRIMARY KEY (zhsxbm, cysxbm, cyclbm)
);

-- 共享调取记录: one readiness check at a window, kept so that an acceptance can cite what
-- the registry and the licence library said (deceased? registered? which fields?) and
-- so the statistics can tell prefilled form fields from typed ones.
CREATE TABLE sp_gxdq (
  dqbh    varchar(36) PRIMARY KEY,         -- 调取编号 (uuid)
  sqrzjhm varchar(18) NOT NULL,            -- applicant ID number or credit code
  sxbm    varchar(32) NOT NULL,            -- the matter asked about
  dqsj    timestamptz NOT NULL,            -- 调取时间
  dqck    varchar(32),                     -- window
  dqbm    varchar(100),                    -- department of the window
  dqmd    varchar(64),                     -- purpose sent with the request
  sfzc    boolean,                         -- registered (persons; null for organisations)
  sfsw    boolean,                         -- deceased (persons)
  jg      jsonb NOT NULL                   -- materials' readiness and the prefill, as answered
);

CREATE INDEX sp_gxdq_sqrzjhm ON sp_gxdq (sqrzjhm, dqsj);

-- Case facts the legacy table lacks.
ALTER TABLE sp_bj ADD COLUMN zhbjbh varchar(32);          -- the bundle case this member case belongs to
ALTER TABLE sp_bj ADD COLUMN dqbh varchar(36);            -- the readiness check cited at acceptance
ALTER TABLE sp_bj ADD COLUMN pjsj timestamptz;            -- 评价时间 (好差评)
ALTER TABLE sp_bj ADD COLUMN slbm varchar(100);           -- department of the accepting window

CREATE INDEX sp_bj_zhbjbh ON sp_bj (zhbjbh) WHERE zhbjbh IS NOT NULL;
CREATE INDEX sp_bj_slsj ON sp_bj (slsj);

-- Receipts cited for e-licence materials, kept with the case as its evidence.
ALTER TABLE sp_bjcl ADD COLUMN yzhz text;                 -- 验证回执 (compact JWS)

-- Case numbers of cases accepted through OnceOnly (demo cases carry their own numbers).
CREATE SEQUENCE sp_bj_xh;

-- Idempotency of acceptCase: the key is the primary key, so two concurrent retries
-- cannot both create a case; qqzy (SHA-256 of the request) detects a reused key.
CREATE TABLE sp_bjmd (
  mdmy    varchar(128) PRIMARY KEY,        -- idempotency key
  qqzy    char(64) NOT NULL,               -- request digest
  bjbh    varchar(32) NOT NULL,
  cjsj    timestamptz NOT NULL DEFAULT now()
);

-- 表单字段: what the window submitted on the matter's form at acceptance, and whether each
-- value is the one the readiness check prefilled (counts as prefilled) or was typed.
CREATE TABLE sp_bjbd (
  bjbh    varchar(32) NOT NULL,
  zdbm    varchar(40) NOT NULL,            -- form field (FormField enum value)
  zdz     text,                            -- submitted value
  sfyt    boolean NOT NULL,                -- 是否预填: true when equal to the prefill
  PRIMARY KEY (bjbh, zdbm)
);
