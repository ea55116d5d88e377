# compose.yaml's mysql, on its first start (sourced by the image's entrypoint, which provides
# docker_process_sql): the schema from sql/, then the services' account, douyin_app (rows of the
# douyin database only, as ./douyin makes it), and the replica's (replication only), with the
# passwords compose was given. Nothing here is a secret: the passwords come from the environment.
for schema_file in /schema/*.sql; do
  docker_process_sql --database=douyin <"$schema_file"
done
docker_process_sql <<SQL
CREATE USER 'douyin_app'@'%' IDENTIFIED BY '${DOUYIN_MYSQL_APP_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE ON douyin.* TO 'douyin_app'@'%';
CREATE USER 'replicator'@'%' IDENTIFIED BY '${DOUYIN_MYSQL_REPLICATION_PASSWORD}';
GRANT REPLICATION SLAVE ON *.* TO 'replicator'@'%';
SQL
