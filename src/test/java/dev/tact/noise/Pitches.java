package dev.tact.noise;

/** One vendor pitch as fifty staff members would forward it: each with their own comment, salutation and tracking. */
final class Pitches {

  private static final String[] COMMENTS = {"Is this legit?", "FYI", "Another one of these", "Can IT block this?",
      "Got this too.", "", "Spam?", "Please have a look", "Do we buy this?", "Same here"};

  private Pitches() {}

  static String forwardBody(int i, String vendor) {
    return """
        %s

        ---------- Forwarded message ---------
        From: Vera Vendor <%s>
        Date: Mon, 16 Nov 2026 at 09:12
        Subject: Cut purchasing costs by 30%%
        To: <person%d@acme.example>

        Dear %s,

        We are a leading provider of cloud based procurement software and we would love to show you how
        companies like yours cut purchasing costs by thirty percent within the first quarter. Our platform
        connects to your existing accounting system in one afternoon and needs no training at all. May I
        book twenty minutes with you next week for a short demonstration? Read the case study at
        https://pitch.example/case-study?utm_source=person%d&utm_campaign=q4

        Best regards,
        Vera Vendor
        Senior Account Executive
        """.formatted(COMMENTS[i % COMMENTS.length], vendor, i, i % 2 == 0 ? "colleague" : "Person " + i, i);
  }
}
