/**
 * The intent classifier's engine, free of any framework: text normalisation, hashed word and character n-gram
 * features, a multinomial logistic regression trained by stochastic gradient descent, and a binary model format.
 * Other modules use it through the root types of {@code dev.tact.routing}.
 */
package dev.tact.routing.intent;
