package dev.tact.routing;

import dev.tact.routing.intent.FeatureSettings;
import dev.tact.routing.intent.SgdSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tact's intents out of the box (presales, technical, outage, billing, account, complaint, vendor pitch, spam) and a few
 * dozen example phrases for each, written for Tact (no labelled corpus exists for them). They are only seeds: a
 * model trained on them catches the obvious cases, and it gets better as it is retrained on the conversations
 * agents re-route or resolve. Admins may edit the list of intents; then these seeds only cover the ones kept.
 */
public final class DefaultIntents {

  public static final String PRESALES = "presales";
  public static final String TECHNICAL = "technical";
  /** A service that is down, unreachable, under attack or slow for everyone: what incidents are made of. */
  public static final String OUTAGE = "outage";
  public static final String BILLING = "billing";
  public static final String ACCOUNT = "account";
  public static final String COMPLAINT = "complaint";
  public static final String VENDOR_PITCH = "vendor_pitch";
  public static final String SPAM = "spam";

  private static final Map<String, List<String>> SEEDS = seeds();

  private DefaultIntents() {
  }

  /** The default intents, in a fixed order. */
  public static List<String> intents() {
    return List.copyOf(SEEDS.keySet());
  }

  /** Every seed phrase with its intent. */
  public static List<LabelledText> examples() {
    List<LabelledText> examples = new ArrayList<>();
    SEEDS.forEach((intent, phrases) -> phrases.forEach(phrase -> examples.add(new LabelledText(phrase, intent))));
    return examples;
  }

  /**
   * Options for a model of few examples: every feature is kept (a word seen once is still a clue) and more
   * epochs are made over the small set.
   */
  public static TrainingOptions seedOptions() {
    TrainingOptions defaults = TrainingOptions.defaults();
    FeatureSettings features = defaults.features();
    SgdSettings sgd = defaults.sgd();
    return new TrainingOptions(features, new SgdSettings(60, sgd.l2(), sgd.learningRate(), sgd.seed(), 1,
        sgd.maxFeatures()), defaults.topK());
  }

  /** A model trained on the seeds with {@link #seedOptions()}. */
  public static IntentModel seedModel() {
    return new IntentTrainer().train(examples(), seedOptions());
  }

  private static Map<String, List<String>> seeds() {
    Map<String, List<String>> seeds = new LinkedHashMap<>();
    seeds.put(PRESALES, List.of(
        "How much does the professional plan cost?",
        "Can I get a quote for 25 users?",
        "Do you offer a discount for non-profits?",
        "We are evaluating your product, can we book a demo?",
        "Is there a free trial?",
        "What is the difference between the standard and the premium plan?",
        "Do you have volume pricing for resellers?",
        "I'd like to talk to someone in sales",
        "Can your software integrate with our CRM before we buy?",
        "We want to buy licences for our whole team",
        "Could you send me a price list?",
        "Do you sell to companies outside the EU?",
        "Interested in your product, please contact me",
        "Is the annual plan cheaper than paying monthly?",
        "What does the enterprise edition include?",
        "We are a reseller and would like to partner with you",
        "Can we run a pilot with a few agents first?",
        "How many seats are included in the basic package?",
        "Do you offer on-premise installation and what does it cost?",
        "I need an offer for our procurement department",
        "Which plan would fit a team of ten?",
        "Please send a proposal for 50 licences",
        "Do you have a partner programme for consultants?",
        "Can I upgrade later if we start with the small plan?",
        "Is there a setup fee?",
        "We're comparing vendors, what makes you different?",
        "Can you call me about pricing tomorrow?",
        "Do you provide training when we sign up?",
        "Looking for a quote including support and onboarding",
        "Would you match a competitor's price?",
        "Is this company one of your official partners?",
        "Someone claims to be your reseller, can you confirm they work with you?",
        "We were contacted by a firm saying they represent you, is that true?",
        "Is this offer from your partner genuine?",
        "Is this your partner? They sent us the proposal below",
        "Fwd: partnership proposal - is this company working with you?",
        "They offered us your product at a discount, is this a real reseller?"));
    seeds.put(TECHNICAL, List.of(
        "The app crashes when I open the settings page",
        "I get an error 500 when I upload a file",
        "The sync stopped working since yesterday",
        "Emails are not arriving in my inbox",
        "The page is very slow to load",
        "How do I configure the API key?",
        "The integration with Outlook fails with a timeout",
        "After the update nothing works anymore",
        "The export button does nothing",
        "I cannot connect to the server, connection refused",
        "The mobile app keeps freezing on Android",
        "Attachments are not displayed correctly",
        "We see a certificate error in the browser",
        "The webhook returns 401 unauthorized",
        "How do I set up single sign-on with our identity provider?",
        "Notifications stopped coming through",
        "The import fails halfway with an unknown error",
        "There is a bug in the search, it shows no results",
        "Our database migration failed during the upgrade",
        "The installation on Linux fails with a missing dependency",
        "The screen stays blank after login",
        "Data is not saved when I click save",
        "The printer driver is not recognised",
        "Error message: something went wrong, please try again",
        "Which ports need to be open in the firewall?",
        "The calendar does not sync with Google",
        "The system logs me out every few minutes",
        "Reports show wrong numbers since the last release",
        "Cannot send messages, the button is greyed out",
        "The server runs out of memory at night"));
    seeds.put(OUTAGE, List.of(
        "Your service is down, none of our sites load",
        "The website has been offline since this morning",
        "We can't reach your servers at all",
        "Our server is under a DDoS attack and everything is unreachable",
        "All our hosted sites return 503 errors",
        "Is there an outage? The dashboard won't load for anyone in our team",
        "Everything has been down for an hour, please help urgently",
        "The API is returning 502 bad gateway for every request",
        "Massive slowdown on all servers since 8 am",
        "Our shop is down and we are losing orders",
        "Connection timed out when we try to open any page",
        "Nobody in the office can work, the whole platform seems down",
        "DNS is not resolving for our domains anymore",
        "We are being flooded with traffic from a botnet, the host is overwhelmed",
        "Email delivery stopped for the whole company",
        "Your status page says all systems operational but nothing works",
        "The database cluster is unreachable and the app is down",
        "Our VPS went offline and won't come back up",
        "Down again! Third outage this week",
        "Sites extremely slow, pages take a minute to load for all visitors",
        "Network outage in the Frankfurt data centre?",
        "We lost connectivity to all our servers",
        "Production is down",
        "Is your platform having problems right now? Everything times out",
        "The service has been unavailable since last night",
        "Error 504 gateway timeout on every page of our site",
        "Our websites were attacked and taken offline",
        "Heavy packet loss and latency, customers can't connect",
        "Critical: all customers affected, the system is not responding",
        "We cannot access our hosting control panel or any site",
        "The load balancer is dropping every connection",
        "Servers keep crashing under an attack since this morning",
        "Your cloud region seems to be down",
        "We're getting connection refused on all ports since the maintenance",
        "Is there a known incident? Our users report the app is unreachable",
        "Ping to our server fails, it looks completely offline",
        "Storage volumes unavailable, our virtual machines won't boot",
        "The mail server is down, no one can send or receive",
        "Site down, please check urgently",
        "Intermittent downtime all day, the site keeps going offline"));
    seeds.put(BILLING, List.of(
        "My invoice shows the wrong amount",
        "I was charged twice this month",
        "Can I get a refund for the last payment?",
        "Please send me a copy of the invoice",
        "Why did my bill go up?",
        "I need to change the billing address on the invoice",
        "The VAT number is missing from my invoice",
        "My credit card payment was declined",
        "How do I update my payment method?",
        "I want to pay by bank transfer instead of card",
        "There is a charge I don't recognise",
        "When will I receive the credit note?",
        "I cancelled but I am still being billed",
        "Can you split the invoice between two cost centres?",
        "The direct debit failed, what should I do?",
        "I paid the invoice but it still shows as overdue",
        "Please correct the company name on the invoice",
        "Where can I download my receipts?",
        "I was overcharged for extra users",
        "Can I get an invoice in euros instead of dollars?",
        "Our finance team needs the invoices sent to another email",
        "The payment reminder is a mistake, we already paid",
        "Please refund the duplicate charge",
        "How is the price calculated on my statement?",
        "The subscription renewed and charged me without notice",
        "I need an itemised bill for our accountant",
        "Change the billing cycle to annual please",
        "What are the payment terms on this invoice?",
        "The amount on the bill does not match the quote",
        "Billing question about last month's charges"));
    seeds.put(ACCOUNT, List.of(
        "I forgot my password",
        "I cannot log in to my account",
        "How do I reset my password?",
        "Please delete my account",
        "I want to change the email address of my account",
        "My account has been locked",
        "How do I add a new user to our account?",
        "Please remove a former employee's access",
        "I didn't receive the verification email",
        "Two-factor authentication code is not working",
        "Can I change my username?",
        "How do I transfer the account to a colleague?",
        "I want to close my account",
        "Update my phone number on my profile",
        "I lost access to my authenticator app",
        "Can you merge my two accounts?",
        "How do I change the account owner?",
        "My login link has expired",
        "Please give admin rights to my colleague",
        "I want to export all my personal data",
        "Change the name on my profile please",
        "The account says it is suspended",
        "I never signed up but I got an account email",
        "How can I set up a second login for my assistant?",
        "Remove me from the team workspace",
        "Please reactivate my old account",
        "I need to update our company details in the account",
        "Unlock my user please, too many login attempts",
        "Where do I change my notification preferences in my profile?",
        "Send me a new activation link",
        "Is this email really from you? It asks for my login",
        "I received this message, is it legit or phishing?",
        "Did you send this, or is it a scam?",
        "Can you confirm this security notice came from your team?",
        "Got a forwarded warning about my account, is it genuine?",
        "Is this offer legit or spam? It says it comes from you",
        "Fwd: special offer, is this real?",
        "Is this legit? A colleague forwarded it to me"));
    seeds.put(COMPLAINT, List.of(
        "This is unacceptable, I have been waiting for two weeks",
        "I am very disappointed with your service",
        "Nobody answers my emails, this is the third time I write",
        "Your support is useless",
        "I want to file a formal complaint",
        "I was promised a call back and nobody called",
        "The agent was rude to me on the phone",
        "I'm fed up with these constant problems",
        "I want to speak to a manager",
        "This is the worst experience I have ever had",
        "I will cancel and tell everyone to avoid you",
        "You keep sending me from one person to the next",
        "I have explained my problem five times already",
        "Terrible service, nothing has been fixed",
        "I am furious about how this was handled",
        "Your delivery was late again and nobody apologised",
        "I expect compensation for the trouble",
        "I'm going to report this to the consumer authority",
        "Shame on you for treating customers like this",
        "This is not what I paid for, I am very unhappy",
        "I feel completely ignored",
        "Your staff made a mess of my order and no one cares",
        "Please escalate this, I am losing patience",
        "Second complaint this month and still no answer",
        "The quality has gone down and I'm not happy at all",
        "You broke your promise",
        "I was misled by your sales team",
        "Disgraceful customer service",
        "How can it take a month to answer a simple question?",
        "I want an apology and a solution now"));
    seeds.put(VENDOR_PITCH, List.of(
        "We help companies like yours generate more leads",
        "Would you be open to a quick call about our SEO services?",
        "I'd like to introduce our outsourcing team to you",
        "We build websites and apps at half the price",
        "Are you the right person to talk to about your marketing?",
        "Our agency can double your traffic in 90 days",
        "Can I show you how our tool saves 20 hours a week?",
        "We offer offshore developers starting at 15 dollars an hour",
        "I noticed your website could use a redesign",
        "Partnering with us could increase your revenue",
        "Just following up on my previous email about our services",
        "Do you have 15 minutes next week for a short intro?",
        "We provide B2B contact lists for your industry",
        "Let me know who handles procurement of software at your company",
        "We are a leading provider of cloud hosting solutions",
        "I'm reaching out because we work with companies in your sector",
        "Our recruiting firm can fill your open positions fast",
        "Would you like to be featured in our business magazine?",
        "We can manage your social media accounts",
        "I wanted to bump this to the top of your inbox",
        "We can help you cut your cloud costs by 40 percent",
        "Our AI chatbot could answer your customers for you",
        "May I send you a case study of a similar client?",
        "Happy to offer you a free audit of your website",
        "We help SaaS companies scale their sales team",
        "Looking for a partner for app development?",
        "I represent a digital marketing agency",
        "Can we schedule a demo of our platform for your team?",
        "We noticed you are hiring and can help with that",
        "Who is in charge of IT purchasing at your company?"));
    seeds.put(SPAM, List.of(
        "Congratulations you have won a free iPhone click here",
        "Claim your prize now",
        "Cheap meds without prescription",
        "Make money fast working from home",
        "You have been selected for a cash reward",
        "Hot singles in your area",
        "Urgent: your mailbox is full, verify your password here",
        "Bitcoin investment with guaranteed returns",
        "Dear friend, I am a prince and need your help to transfer funds",
        "Lose 10 kg in one week with this pill",
        "Your parcel is waiting, pay the customs fee at this link",
        "Limited offer!!! 90% off designer watches",
        "Click the link to unlock your account or it will be deleted",
        "You have inherited 5 million dollars",
        "Earn 5000 dollars a week from home",
        "Free casino spins, sign up now",
        "Viagra cialis best prices",
        "Your Apple ID has been suspended, confirm your details",
        "Buy followers and likes cheap",
        "Act now, this offer expires today",
        "Get a loan approved instantly, no credit check",
        "Crypto giveaway, send 1 BTC and receive 2 back",
        "Exclusive deal just for you, open the attachment",
        "Unsubscribe is not possible, you won the lottery",
        "Replica handbags at wholesale prices",
        "Dear beneficiary, contact the bank to claim your funds",
        "Increase your size naturally",
        "Your account will be closed, click here to verify",
        "Work from home and earn thousands, no experience needed",
        "Winner! You are our lucky visitor today"));
    return seeds;
  }
}
