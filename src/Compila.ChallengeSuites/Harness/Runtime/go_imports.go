import (
	cplbufio "bufio"
	cpljson "encoding/json"
	cplio "io"
	cplmath "math"
	cplos "os"
	cplreflect "reflect"
	cplsort "sort"
	cplstrconv "strconv"
	cplstrings "strings"
	cpltime "time"
)
