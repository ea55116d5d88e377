-- compose.yaml's mysql-replica, on its first start: follow the primary from its first binlog
-- event (GTID auto-position), so the schema and every row arrive through replication; then
-- refuse every write that does not come from the primary (persisted for the real start).
CREATE DATABASE IF NOT EXISTS douyin CHARACTER SET utf8mb4;
CHANGE REPLICATION SOURCE TO
    SOURCE_HOST = 'mysql', SOURCE_PORT = 3306, SOURCE_USER = 'root', SOURCE_PASSWORD = 'douyin',
    SOURCE_AUTO_POSITION = 1, GET_SOURCE_PUBLIC_KEY = 1;
START REPLICA;
SET PERSIST read_only = ON;
SET PERSIST super_read_only = ON;
