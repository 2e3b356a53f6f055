package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A dispatched shipment may also end RETURNED (back at its source) or WRITTEN_OFF (lost or
 * damaged on the way). The state check was declared inline in V4, so H2 named it itself: this
 * migration finds it by its clause in the standard information schema (the same query on H2 and
 * PostgreSQL), drops it and adds a named one.
 */
public class V9_4__shipment_outcomes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        List<String> checks = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery(
                "select tc.constraint_name from information_schema.table_constraints tc "
                        + "join information_schema.check_constraints cc on cc.constraint_schema = tc.constraint_schema "
                        + "and cc.constraint_name = tc.constraint_name "
                        + "where lower(tc.table_name) = 'shipment' and tc.constraint_type = 'CHECK' "
                        + "and lower(tc.table_schema) = lower(current_schema) and cc.check_clause like '%DELIVERED%'")) {
            while (rows.next()) {
                checks.add(rows.getString(1));
            }
        }
        if (checks.size() != 1) {
            throw new IllegalStateException("Expected one state check on shipment, found " + checks);
        }
        try (Statement s = db.createStatement()) {
            s.execute("alter table shipment drop constraint \"" + checks.get(0) + "\"");
            s.execute("alter table shipment add constraint shipment_state check (state in ('PLANNED', 'DISPATCHED', "
                    + "'DELIVERED', 'CANCELLED', 'RETURNED', 'WRITTEN_OFF'))");
            s.execute("alter table shipment alter column state set data type varchar(12)");
        }
    }
}
