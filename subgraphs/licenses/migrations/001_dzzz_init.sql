-- Licence silo (电子证照库), metadata after GB/T 36903. Legacy names kept; source/ maps.

CREATE TABLE dzzz_zzlx (                   -- 证照类型目录
  zzlxdm  varchar(21) PRIMARY KEY,         -- 证照类型代码: defining agency credit code + 3 digits
  zzlxmc  varchar(100) NOT NULL,           -- 证照类型名称
  dybm    varchar(100),                    -- 定义部门 (issuing department)
  czztlb  varchar(1),                      -- 持证主体类别: 1 自然人, 2 法人和其他组织
  gxsj    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dzzz_zzxx (                   -- 证照信息
  zzbs      varchar(120) PRIMARY KEY,      -- 证照标识 1.2.156.3005.2.…
  zzlxdm    varchar(21) NOT NULL,          -- 证照类型代码
  zzmc      varchar(100),                  -- 证照名称
  zzbh      varchar(64),                   -- 证照编号
  czzt      varchar(200),                  -- 持证主体 (holder name)
  czztdm    varchar(18),                   -- 持证主体代码 (ID number or credit code)
  czztdmlx  varchar(3),                    -- 持证主体代码类型: 111 身份证号, 001 统一社会信用代码
  zzbfjg    varchar(200),                  -- 证照颁发机构
  zzbfjgdm  varchar(18),                   -- 证照颁发机构代码 (credit code)
  zzbfrq    date,                          -- 颁发日期
  zzyxqqsrq date,                          -- 有效期起始日期
  zzyxqjzrq date,                          -- 有效期截止日期 (NULL = 长期)
  zzzt      varchar(4),                    -- 状态: 有效/注销/吊销/挂失
  gxsj      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX dzzz_zzxx_czztdm ON dzzz_zzxx (czztdm);
CREATE INDEX dzzz_zzxx_lx_bh ON dzzz_zzxx (zzlxdm, zzbh);

CREATE TABLE dzzz_zzsj (                   -- 照面信息: a licence's surface data items
  zzbs    varchar(120) NOT NULL,
  sjxbm   varchar(32) NOT NULL,            -- 数据项编码 (fddbr 法定代表人, zs 住所, zczb 注册资本 …)
  sjxmc   varchar(64),                     -- 数据项名称
  sjxz    text,                            -- 数据项值
  PRIMARY KEY (zzbs, sjxbm)
);

CREATE TABLE dzzz_yzjl (                   -- 用证记录 (licence usage)
  jlid    bigserial PRIMARY KEY,
  zzbs    varchar(120) NOT NULL,           -- 证照标识
  yzbm    varchar(100),                    -- 用证部门
  yzck    varchar(32),                     -- 用证窗口
  sxbm    varchar(32),                     -- 事项编码
  bjbh    varchar(32),                     -- 办件编号
  yzmd    varchar(200),                    -- 用证目的
  yzfs    varchar(2),                      -- 用证方式: 1 核验, 2 调取
  yzsj    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX dzzz_yzjl_zzbs ON dzzz_yzjl (zzbs, yzsj);
