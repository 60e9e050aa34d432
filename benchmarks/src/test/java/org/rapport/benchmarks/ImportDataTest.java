package org.rapport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportDataTest {

    @Test
    void rowsAreUniqueInEveryDuplicateKey() {
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        int n = 50_000;
        for (long i = 0; i < n; i++) {
            ImportData.Row row = ImportData.row(i);
            names.add(row.nameKey());
            emails.add(row.email());
            phones.add(row.phone());
        }
        assertThat(names).hasSize(n);
        assertThat(emails).hasSize(n);
        assertThat(phones).hasSize(n);
        // the far end of the full scale is still unique and encodable
        assertThat(ImportData.row(1_999_998).nameKey()).isNotEqualTo(ImportData.row(1_999_996).nameKey());
        assertThat(ImportData.row(1_999_999).email()).isNotEqualTo(ImportData.row(1_999_997).email());
    }

    @Test
    void rowsAreMixedChineseAndEnglishWithStoredForms() {
        ImportData.Row zh = ImportData.row(0);
        assertThat(zh.language()).isEqualTo("zh");
        assertThat(zh.name()).endsWith("公司");
        assertThat(zh.phone()).isEqualTo("+8613800000000");
        assertThat(zh.revenue().scale()).isEqualTo(2);
        ImportData.Row en = ImportData.row(5);
        assertThat(en.language()).isEqualTo("en");
        assertThat(en.email()).isEqualTo(en.email().toLowerCase(java.util.Locale.ROOT));
        assertThat(en.phone()).startsWith("+4420");
        assertThat(en.region()).isEqualTo(en.region().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void csvHasOneLinePerRowAndQuotesNamesWithCommas(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("c.csv");
        ImportData.writeCsv(csv, 100);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(101);
        assertThat(lines.get(0)).isEqualTo(ImportData.HEADER);
        int columns = ImportData.HEADER.split(",").length;
        for (String line : lines.subList(1, lines.size())) {
            // commas inside the quoted name do not count
            String unquoted = line.replaceAll("\"[^\"]*\"", "X");
            assertThat(unquoted.split(",", -1)).hasSize(columns);
        }
        assertThat(lines).anyMatch(l -> l.startsWith("\"") && l.contains("Co., Ltd.\""));
    }

    @Test
    void splitsMigrationScripts() {
        assertThat(RawImport.statements("-- c\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)");
    }

    @Test
    void parsesSerialHeapInfo() {
        String text = " def new generation   total 78656K, used 22394K [0x0000000080000000, 0x0000000085550000, 0x00000000aaaa0000)\n"
                + "  eden space 69952K,  32% used [0x0000000080000000, 0x00000000815f6a30, 0x0000000084450000)\n"
                + " tenured generation   total 174784K, used 2410K [0x00000000aaaa0000, 0x00000000b5550000, 0x0000000100000000)\n"
                + " Metaspace       used 1234K, committed 1280K, reserved 1114112K\n"
                + "  class space    used 111K, committed 128K, reserved 1048576K\n";
        Jcmd.Heap heap = Jcmd.parseHeap(text);
        assertThat(heap.usedMb()).isEqualTo((22394 + 2410) / 1024.0);
        assertThat(heap.committedMb()).isEqualTo((78656 + 174784) / 1024.0);
    }

    @Test
    void readsTheHistogramTotal() {
        String text = "12345:\n num     #instances         #bytes  class name (module)\n"
                + "-------------------------------------------------------\n"
                + "   1:         20187       21039592  [J (java.base@17.0.15)\n"
                + "Total        812345       89123456\n";
        assertThat(Jcmd.parseHistogramTotal(text)).isEqualTo(89123456L);
    }
}
