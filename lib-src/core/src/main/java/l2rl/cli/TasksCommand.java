package l2rl.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

import l2rl.env.TaskFamily;
import l2rl.env.Tasks;

/** Lists the registered task ids with what each family declares. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "List the task ids, how each samples a task and what its family declares.")
final class TasksCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (var registration : Tasks.registrations()) {
            var family = registration.family();
            System.out.printf("%-44s T=%-4d %s%n", registration.id(), family.defaultTrials(), family.description());
            System.out.printf("%-44s        %s%n", "", capabilities(family)
                    + (Tasks.LIBRARY.equals(registration.source()) ? "" : "; from " + registration.source()));
        }
        return 0;
    }

    /** What baselines and the agent's input need to know, in one line. */
    static String capabilities(TaskFamily family) {
        return "rewards " + family.rewardKind().label()
                + ", means " + (family.meansFixed() ? "fixed" : "drifting")
                + ", arms " + family.armStructure().label()
                + ", observation " + family.observationSize()
                + ", reward input " + family.rewardEncoding()
                + (family.perStepRegret() ? "" : ", no per-step regret");
    }
}
