#include <stdio.h>
int main(void) { puts("drsim"); return 0; }
