package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.landscapes.Landscapes;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandscapesCommandTest {

    @Test
    void listsEveryLandscapeWithItsDimensionDomainAndMinima() {
        Cli.Result r = Cli.run("landscapes");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals(List.of("name", "dimension", "domain", "minima", "value"),
                List.of(lines.get(0).split("\\s{2,}")));
        assertTrue(lines.get(1).matches("[- ]+"), lines.get(1));
        List<String> names = Landscapes.names();
        assertEquals(names.size() + 2, lines.size());
        for (int i = 0; i < names.size(); i++) {
            assertTrue(lines.get(i + 2).startsWith(names.get(i) + " "), lines.get(i + 2));
        }
        String himmelblau = lines.get(2 + names.indexOf("himmelblau"));
        assertTrue(himmelblau.contains("[-5, 5]^2"), himmelblau);
        assertTrue(himmelblau.contains("(3, 2); (-2.805118, 3.131313)"), himmelblau);
        String rosenbrock = lines.get(2 + names.indexOf("rosenbrock"));
        assertTrue(rosenbrock.contains("n>=2") && rosenbrock.contains("(1, 1)"), rosenbrock);
        String gp = lines.get(2 + names.indexOf("goldstein-price"));
        assertTrue(gp.matches(".*\\(0, -1\\)\\s+3$"), gp);
    }
}
