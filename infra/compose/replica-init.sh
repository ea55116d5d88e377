# compose.yaml's mysql-replica, on its first start (sourced by the image's entrypoint): follow the
# primary from its first binlog event (GTID auto-position) as its replication account, so the
# schema, the services' account and every row arrive through replication; then refuse every write
# that does not come from the primary (persisted for the real start).
docker_process_sql <<SQL
CREATE DATABASE IF NOT EXISTS douyin CHARACTER SET utf8mb4;
CHANGE REPLICATION SOURCE TO
    SOURCE_HOST = 'mysql', SOURCE_PORT = 3306, SOURCE_USER = 'replicator',
    SOURCE_PASSWORD = '${DOUYIN_MYSQL_REPLICATION_PASSWORD}', SOURCE_AUTO_POSITION = 1, GET_SOURCE_PUBLIC_KEY = 1;
START REPLICA;
SET PERSIST read_only = ON;
SET PERSIST super_read_only = ON;
SQL
