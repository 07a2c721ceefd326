package dev.tact.staff.signin;

import dev.tact.staff.Agent;
import org.springframework.stereotype.Component;

/** Decides the second step after a first factor: a code when the agent has an app, enrolment when one is required. */
@Component
class SignInSteps {

  private final TwoFactor twoFactor;
  private final SignInPolicy policy;

  SignInSteps(TwoFactor twoFactor, SignInPolicy policy) {
    this.twoFactor = twoFactor;
    this.policy = policy;
  }

  SecondStep after(Agent agent) {
    if (twoFactor.isEnabled(agent.id())) {
      return SecondStep.CODE;
    }
    return policy.requiresTwoFactor() ? SecondStep.ENROL : SecondStep.NONE;
  }
}
