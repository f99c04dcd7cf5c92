package l2rl.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

import l2rl.env.Tasks;

/** Lists the registered task ids. */
@Command(name = "tasks", mixinStandardHelpOptions = true, description = "List the task ids and how each samples a task.")
final class TasksCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (var id : Tasks.ids()) {
            var family = Tasks.family(id);
            System.out.printf("%-44s T=%-4d %s%n", id, family.defaultTrials(), family.description());
        }
        return 0;
    }
}
