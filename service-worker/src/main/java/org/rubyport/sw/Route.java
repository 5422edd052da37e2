package org.rubyport.sw;

/** A handler together with the matcher selecting the requests it handles. */
public record Route(RouteMatcher matcher, Handler handler) {
}
