package dev.optim.landscapes;

import dev.optim.landscapes.functions.Ackley;
import dev.optim.landscapes.functions.Beale;
import dev.optim.landscapes.functions.Booth;
import dev.optim.landscapes.functions.BukinN6;
import dev.optim.landscapes.functions.CrossInTray;
import dev.optim.landscapes.functions.Easom;
import dev.optim.landscapes.functions.Eggholder;
import dev.optim.landscapes.functions.GoldsteinPrice;
import dev.optim.landscapes.functions.Himmelblau;
import dev.optim.landscapes.functions.HolderTable;
import dev.optim.landscapes.functions.LeviN13;
import dev.optim.landscapes.functions.Matyas;
import dev.optim.landscapes.functions.McCormick;
import dev.optim.landscapes.functions.MonkeySaddle;
import dev.optim.landscapes.functions.Rastrigin;
import dev.optim.landscapes.functions.Rosenbrock;
import dev.optim.landscapes.functions.Saddle;
import dev.optim.landscapes.functions.SixHumpCamel;
import dev.optim.landscapes.functions.Sphere;
import dev.optim.landscapes.functions.StyblinskiTang;
import dev.optim.landscapes.functions.ThreeHumpCamel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The catalogue of landscapes, by canonical name or by factory.
 *
 * <pre>{@code
 * Landscape h = Landscapes.byName("himmelblau");
 * Landscape r10 = Landscapes.rosenbrock(10);          // or byName("rosenbrock", 10)
 * for (Landscape l : Landscapes.all()) { ... }         // every landscape, in 2-D
 * }</pre>
 *
 * <p>Names are kebab-case: {@value #NAMES_TEXT}. Five are defined in any dimension
 * {@code n ≥ 2}: sphere, rosenbrock, rastrigin, ackley and styblinski-tang; the others are 2-D.
 * The article's optimizer race offers himmelblau (its default), styblinski-tang, rosenbrock and
 * goldstein-price.
 */
public final class Landscapes {

    /** The canonical names, in catalogue order, as one string (for the documentation). */
    public static final String NAMES_TEXT = "sphere, rosenbrock, rastrigin, ackley, "
            + "styblinski-tang, beale, booth, matyas, himmelblau, goldstein-price, "
            + "three-hump-camel, six-hump-camel, levi-n13, easom, mccormick, bukin-n6, eggholder, "
            + "cross-in-tray, holder-table, saddle, monkey-saddle";

    /** The number of landscapes in the catalogue. */
    public static final int COUNT = 21;

    private static final Map<String, IntFunction<Landscape>> ANY_DIMENSION = new LinkedHashMap<>();
    private static final Map<String, Supplier<Landscape>> TWO_D = new LinkedHashMap<>();

    static {
        ANY_DIMENSION.put(Sphere.NAME, Sphere::new);
        ANY_DIMENSION.put(Rosenbrock.NAME, Rosenbrock::new);
        ANY_DIMENSION.put(Rastrigin.NAME, Rastrigin::new);
        ANY_DIMENSION.put(Ackley.NAME, Ackley::new);
        ANY_DIMENSION.put(StyblinskiTang.NAME, StyblinskiTang::new);
        TWO_D.put(Beale.NAME, Beale::new);
        TWO_D.put(Booth.NAME, Booth::new);
        TWO_D.put(Matyas.NAME, Matyas::new);
        TWO_D.put(Himmelblau.NAME, Himmelblau::new);
        TWO_D.put(GoldsteinPrice.NAME, GoldsteinPrice::new);
        TWO_D.put(ThreeHumpCamel.NAME, ThreeHumpCamel::new);
        TWO_D.put(SixHumpCamel.NAME, SixHumpCamel::new);
        TWO_D.put(LeviN13.NAME, LeviN13::new);
        TWO_D.put(Easom.NAME, Easom::new);
        TWO_D.put(McCormick.NAME, McCormick::new);
        TWO_D.put(BukinN6.NAME, BukinN6::new);
        TWO_D.put(Eggholder.NAME, Eggholder::new);
        TWO_D.put(CrossInTray.NAME, CrossInTray::new);
        TWO_D.put(HolderTable.NAME, HolderTable::new);
        TWO_D.put(Saddle.NAME, Saddle::new);
        TWO_D.put(MonkeySaddle.NAME, MonkeySaddle::new);
    }

    private Landscapes() {}

    /**
     * The canonical names, in catalogue order.
     *
     * @return an unmodifiable list of {@value #COUNT} names
     */
    public static List<String> names() {
        List<String> names = new ArrayList<>(ANY_DIMENSION.keySet());
        names.addAll(TWO_D.keySet());
        return List.copyOf(names);
    }

    /**
     * Every landscape, the n-D ones in 2-D, in catalogue order.
     *
     * @return an unmodifiable list of {@value #COUNT} landscapes
     */
    public static List<Landscape> all() {
        List<Landscape> all = new ArrayList<>();
        for (String name : names()) {
            all.add(byName(name));
        }
        return List.copyOf(all);
    }

    /**
     * A landscape by name, in 2-D.
     *
     * @param name a canonical name (case and surrounding blanks are ignored)
     * @return the landscape
     * @throws IllegalArgumentException if {@code name} is null or unknown (the message lists the
     *     known names)
     */
    public static Landscape byName(String name) {
        return byName(name, 2);
    }

    /**
     * A landscape by name, in {@code n} dimensions.
     *
     * @param name a canonical name (case and surrounding blanks are ignored)
     * @param n the dimension: at least 2 for sphere, rosenbrock, rastrigin, ackley and
     *     styblinski-tang; exactly 2 for the others
     * @return the landscape
     * @throws IllegalArgumentException if {@code name} is null or unknown (the message lists the
     *     known names), or {@code n} is not valid for it
     */
    public static Landscape byName(String name, int n) {
        String key = name == null ? null : name.trim().toLowerCase(Locale.ROOT);
        IntFunction<Landscape> nd = key == null ? null : ANY_DIMENSION.get(key);
        if (nd != null) {
            return nd.apply(n);
        }
        Supplier<Landscape> fixed = key == null ? null : TWO_D.get(key);
        if (fixed == null) {
            throw new IllegalArgumentException("name must be one of [" + NAMES_TEXT + "], got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        if (n != 2) {
            throw new IllegalArgumentException("n (the dimension of " + key
                    + ") must be 2, got " + n + "; only " + ANY_DIMENSION.keySet()
                    + " take any n >= 2");
        }
        return fixed.get();
    }

    /**
     * Whether a landscape is defined in any dimension {@code n ≥ 2}.
     *
     * @param name a canonical name
     * @return {@code true} for sphere, rosenbrock, rastrigin, ackley and styblinski-tang
     * @throws IllegalArgumentException if {@code name} is unknown
     */
    public static boolean anyDimension(String name) {
        byName(name);
        return ANY_DIMENSION.containsKey(name.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The sphere function in {@code n} dimensions (see {@link Sphere}).
     *
     * @param n the dimension, in {@code [2, Domain.MAX_DIMENSION]}
     * @return the landscape
     * @throws IllegalArgumentException if {@code n} is outside {@code [2, Domain.MAX_DIMENSION]}
     */
    public static Landscape sphere(int n) {
        return new Sphere(n);
    }

    /**
     * The Rosenbrock function in {@code n} dimensions (see {@link Rosenbrock}).
     *
     * @param n the dimension, in {@code [2, Domain.MAX_DIMENSION]}
     * @return the landscape
     * @throws IllegalArgumentException if {@code n} is outside {@code [2, Domain.MAX_DIMENSION]}
     */
    public static Landscape rosenbrock(int n) {
        return new Rosenbrock(n);
    }

    /**
     * The Rastrigin function in {@code n} dimensions (see {@link Rastrigin}).
     *
     * @param n the dimension, in {@code [2, Domain.MAX_DIMENSION]}
     * @return the landscape
     * @throws IllegalArgumentException if {@code n} is outside {@code [2, Domain.MAX_DIMENSION]}
     */
    public static Landscape rastrigin(int n) {
        return new Rastrigin(n);
    }

    /**
     * The Ackley function in {@code n} dimensions (see {@link Ackley}).
     *
     * @param n the dimension, in {@code [2, Domain.MAX_DIMENSION]}
     * @return the landscape
     * @throws IllegalArgumentException if {@code n} is outside {@code [2, Domain.MAX_DIMENSION]}
     */
    public static Landscape ackley(int n) {
        return new Ackley(n);
    }

    /**
     * The Styblinski–Tang function in {@code n} dimensions (see {@link StyblinskiTang}).
     *
     * @param n the dimension, in {@code [2, Domain.MAX_DIMENSION]}
     * @return the landscape
     * @throws IllegalArgumentException if {@code n} is outside {@code [2, Domain.MAX_DIMENSION]}
     */
    public static Landscape styblinskiTang(int n) {
        return new StyblinskiTang(n);
    }
}
