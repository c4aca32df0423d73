package dev.reelwatch.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work run by {@link Database} on one of its connections, inside a transaction. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
