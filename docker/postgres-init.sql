-- Three silos, three databases: departments do not share a database, even in a demo.
CREATE DATABASE registry;
CREATE DATABASE licenses;
CREATE DATABASE cases;
-- The gateway's audit log is its own store, not a department's.
CREATE DATABASE audit;
