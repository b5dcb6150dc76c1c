package fr.misp.backoffice.benchmark;

import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.Event;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.MemberCategory;
import fr.misp.backoffice.rules.disability.DisabilityCalculator;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Resource;
import fr.misp.backoffice.rules.disability.ResourceType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Plain-Java throughput benchmark of the disability and death-capital calculators (not a test:
 * it prints figures). Run: {@code ./mvnw -q test-compile && java -cp target/classes:target/test-classes
 * fr.misp.backoffice.benchmark.CalculatorBenchmark}
 */
public final class CalculatorBenchmark {

  private static long sink;

  public static void main(String[] args) {
    Parameters parameters = Parameters.standard();
    DisabilityCalculator disability = new DisabilityCalculator(parameters);
    DeathCapitalCalculator death = new DeathCapitalCalculator(parameters);
    Random random = new Random(1);
    int n = 1024;
    DisabilityCalculator.Input[] disabilityInputs = new DisabilityCalculator.Input[n];
    DeathCapitalCalculator.Input[] deathInputs = new DeathCapitalCalculator.Input[n];
    MemberCategory[] categories = MemberCategory.values();
    for (int i = 0; i < n; i++) {
      disabilityInputs[i] = new DisabilityCalculator.Input(LocalDate.of(2024, 1, 1), BigDecimal.valueOf(random.nextInt(101)),
          null, BigDecimal.valueOf(150_000 + random.nextInt(400_000), 2), BigDecimal.valueOf(random.nextInt(100_000), 2),
          BigDecimal.ZERO, List.of(new Resource(ResourceType.INVALIDITY_PENSION, BigDecimal.valueOf(random.nextInt(2_000_000), 2)),
              new Resource(ResourceType.ALIMONY, BigDecimal.valueOf(random.nextInt(500_000), 2))),
          random.nextBoolean(), LocalDate.of(1960 + random.nextInt(20), 1 + random.nextInt(12), 1));
      deathInputs[i] = new DeathCapitalCalculator.Input(random.nextBoolean() ? Event.DEATH : Event.PTIA,
          LocalDate.of(2018 + random.nextInt(7), 1 + random.nextInt(12), 1), categories[random.nextInt(categories.length)],
          BigDecimal.valueOf(2_000_000 + random.nextInt(6_000_000), 2), random.nextInt(4));
    }
    run("disability", i -> sink += disability.calculate(disabilityInputs[i & (n - 1)]).steps().size());
    run("death-capital", i -> sink += death.calculate(deathInputs[i & (n - 1)]).steps().size());
    System.out.println("(sink " + sink + ")");
  }

  private static void run(String name, IntConsumer calculation) {
    for (int warmup = 0; warmup < 3; warmup++) {
      measure(calculation, 1_000);
    }
    double[] rates = new double[5];
    for (int round = 0; round < rates.length; round++) {
      rates[round] = measure(calculation, 1_000);
    }
    java.util.Arrays.sort(rates);
    System.out.printf("%-14s median %,.0f calculations/s (min %,.0f, max %,.0f; 5 rounds of 1 s, 1 thread)%n",
        name, rates[2], rates[0], rates[4]);
  }

  private static double measure(IntConsumer calculation, long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    long start = System.nanoTime();
    int count = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 256; i++) {
        calculation.accept(count++);
      }
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }
}
