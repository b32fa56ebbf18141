-- Registry silo (户籍/人口库). Legacy layout kept on purpose: pinyin-initial column names,
-- national code values, dates as YYYYMMDD text. The subgraph's source/ maps it.
-- No foreign keys and a surrogate key, as the legacy system has: duplicate and orphaned
-- records exist in real silos and the quality report must be able to find them.

CREATE TABLE rk_hxx (                      -- 户信息
  hh      varchar(20) PRIMARY KEY,         -- 户号
  hlx     varchar(2),                      -- 户类型: 1 家庭户, 2 集体户
  zz      varchar(200),                    -- 住址
  ssxq    varchar(6),                      -- 所属区划 GB/T 2260
  gxsj    timestamptz NOT NULL DEFAULT now() -- 更新时间
);

CREATE TABLE rk_jbxx (                     -- 人口基本信息
  rkbh    varchar(32) PRIMARY KEY,         -- 人口编号 (surrogate key of the legacy system)
  gmsfhm  varchar(18),                     -- 公民身份号码 GB 11643
  xm      varchar(50),                     -- 姓名
  xb      varchar(1),                      -- 性别 GB/T 2261.1
  mz      varchar(2),                      -- 民族 GB 3304
  csrq    varchar(8),                      -- 出生日期 YYYYMMDD
  hh      varchar(20),                     -- 户号
  yhzgx   varchar(2),                      -- 与户主关系 GB/T 4761
  hyzk    varchar(2),                      -- 婚姻状况 GB/T 2261.2
  zz      varchar(200),                    -- 住址
  ssxq    varchar(6),                      -- 所属区划 GB/T 2260
  swbs    varchar(1) NOT NULL DEFAULT '0', -- 死亡标识: 1 deceased
  zxrq    varchar(8),                      -- 注销日期 YYYYMMDD (record cancelled)
  gxsj    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX rk_jbxx_gmsfhm ON rk_jbxx (gmsfhm);
CREATE INDEX rk_jbxx_hh ON rk_jbxx (hh);
