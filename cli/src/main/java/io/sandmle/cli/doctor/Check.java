package io.sandmle.cli.doctor;

import java.util.List;

/** One area of the machine the harness depends on. */
public interface Check {

    /** Inspects the machine; never throws, a failure is a finding. */
    List<Finding> run(Machine machine);
}
