package org.rapport.demo.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** How many records of each kind a demo load wrote. */
record LoadCounts(int managers, int companies, int contacts, int transactions, int interactions, int tasks) {

    /** The counts by name, for the health check's details. */
    Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("managers", managers);
        out.put("companies", companies);
        out.put("contacts", contacts);
        out.put("transactions", transactions);
        out.put("interactions", interactions);
        out.put("tasks", tasks);
        return out;
    }

    @Override
    public String toString() {
        return managers + " managers, " + companies + " companies, " + contacts + " contacts, " + transactions
                + " transactions, " + interactions + " interactions, " + tasks + " tasks";
    }
}
