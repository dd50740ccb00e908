package org.openmiles.console.web;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Puts {@link ConsoleExceptionHandler} in front of the Faces implementation's handler. */
public class ConsoleExceptionHandlerFactory extends ExceptionHandlerFactory {
  public ConsoleExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new ConsoleExceptionHandler(getWrapped().getExceptionHandler());
  }
}
