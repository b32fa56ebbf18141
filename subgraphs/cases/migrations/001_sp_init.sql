-- Case silo (办件/审批系统). Legacy names kept; source/ maps.

CREATE TABLE sp_sxml (                     -- 事项目录
  sxbm    varchar(32) PRIMARY KEY,         -- 事项编码
  sxmc    varchar(200) NOT NULL,           -- 事项名称
  ssbm    varchar(100),                    -- 实施部门
  fdsx    integer,                         -- 法定时限 (working days)
  cnsx    integer,                         -- 承诺时限 (working days)
  bjlx    varchar(1),                      -- 办件类型: 1 即办件, 2 承诺件
  gxsj    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sp_sxcl (                     -- 事项材料
  sxbm    varchar(32) NOT NULL,
  clbm    varchar(32) NOT NULL,            -- 材料编码
  clmc    varchar(200) NOT NULL,           -- 材料名称
  zzlxdm  varchar(21),                     -- a licence type that satisfies it
  sjx     varchar(200),                    -- registry columns that satisfy it, comma separated (gmsfhm,xm,hh …)
  bx      varchar(1) NOT NULL DEFAULT '1', -- 是否必须: 1 required, 0 optional
  xh      integer NOT NULL DEFAULT 0,      -- 序号 (display order)
  PRIMARY KEY (sxbm, clbm)
);

CREATE TABLE sp_bj (                       -- 办件
  bjbh    varchar(32) PRIMARY KEY,         -- 办件编号
  sxbm    varchar(32) NOT NULL,            -- 事项编码
  sqrzjhm varchar(18),                     -- 申请人证件号码 (ID number or credit code)
  sqrxm   varchar(200),                    -- 申请人姓名/名称
  sqrlx   varchar(1),                      -- 申请人类型: 1 自然人, 2 法人
  slsj    timestamptz,                     -- 受理时间
  slck    varchar(32),                     -- 受理窗口
  cnbjsj  timestamptz,                     -- 承诺办结时间
  zt      varchar(2),                      -- 状态 (01 受理 … 07 特别程序)
  bjsj    timestamptz,                     -- 办结时间
  bjjg    varchar(1),                      -- 办结结果: 1 准予, 2 不予
  mydpj   varchar(1),                      -- 好差评 1-5
  gxsj    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX sp_bj_sqrzjhm ON sp_bj (sqrzjhm, slsj);

CREATE TABLE sp_bjcl (                     -- 办件材料
  bjbh    varchar(32) NOT NULL,
  clbm    varchar(32) NOT NULL,
  tjfs    varchar(1),                      -- 提交方式: 1 共享调取 2 电子证照 3 告知承诺 4 容缺 5 纸质 6 上传
  zzbs    varchar(120),                    -- 证照标识 when cited by reference
  PRIMARY KEY (bjbh, clbm)
);

CREATE TABLE sp_bjgc (                     -- 办件过程
  gcid    bigserial PRIMARY KEY,
  bjbh    varchar(32) NOT NULL,
  zt      varchar(2) NOT NULL,             -- status entered
  clsj    timestamptz NOT NULL,            -- 处理时间
  clck    varchar(32),                     -- 处理窗口
  clr     varchar(50),                     -- 处理人
  clyj    text                             -- 处理意见
);

CREATE INDEX sp_bjgc_bjbh ON sp_bjgc (bjbh, clsj);
