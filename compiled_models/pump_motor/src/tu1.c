
#include "header.h"

void predict_unit1(union Entry* data, float* result) {
  unsigned int tmp;
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2129998207)) {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.5602002144)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.9696998596)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)47.03850174)) {
          result[0] += 0.13677813;
        } else {
          result[0] += -0.1565758;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.3333997726)) {
          result[0] += -0.048182685;
        } else {
          result[0] += -0.15483099;
        }
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.0669000149)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.7072000504)) {
          result[0] += 0.05529664;
        } else {
          result[0] += -0.14338003;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2558999062)) {
          result[0] += -0.09175138;
        } else {
          result[0] += -0.1607421;
        }
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4436001778)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2877001762)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.339700222)) {
          result[0] += 0.15347236;
        } else {
          result[0] += -0.1466028;
        }
      } else {
        if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.2318999767)) {
          result[0] += -0.15560144;
        } else {
          result[0] += 0.058685478;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.5806999207)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.5058999062)) {
          result[0] += 0.1734655;
        } else {
          result[0] += -0.14068337;
        }
      } else {
        result[0] += -0.15498954;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.5195999146)) {
    if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.3067998886)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5627999306)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.675498962)) {
          result[1] += -0.15230598;
        } else {
          result[1] += 0.0102934325;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
          result[1] += 0.024034306;
        } else {
          result[1] += -0.15316625;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.8618998528)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.7197999954)) {
          result[1] += -0.112313226;
        } else {
          result[1] += 0.28094885;
        }
      } else {
        result[1] += -0.13753897;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.842099905)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.8269000053)) {
          result[1] += 0.2119946;
        } else {
          result[1] += -0.15411147;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5343999863)) {
          result[1] += 0.19884492;
        } else {
          result[1] += -0.12499831;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.693500042)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.919101715)) {
          result[1] += -0.15195224;
        } else {
          result[1] += 0.05308231;
        }
      } else {
        result[1] += 0.14226182;
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.155600071)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.6673002243)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4436001778)) {
        result[2] += -0.15471648;
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.0915000439)) {
          result[2] += -0.1401544;
        } else {
          result[2] += 0.016883953;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.265599966)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.3267998695)) {
          result[2] += 0.17835157;
        } else {
          result[2] += 0.03099346;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.8940000534)) {
          result[2] += 0.0023776023;
        } else {
          result[2] += -0.14707366;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.953400135)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)9.4483995438)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
          result[2] += -0.14970385;
        } else {
          result[2] += 0.06418738;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4595999718)) {
          result[2] += 0.1835859;
        } else {
          result[2] += -0.021591369;
        }
      }
    } else {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)111.02980042)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.5381999016)) {
          result[2] += -0.14720535;
        } else {
          result[2] += -0.04524009;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.266600132)) {
          result[2] += 0.1974583;
        } else {
          result[2] += -0.14165442;
        }
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.258300066)) {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1429998875)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
        result[3] += -0.15569353;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3004000187)) {
          result[3] += 0.048952628;
        } else {
          result[3] += -0.14788546;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.0383000374)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.870800018)) {
          result[3] += -0.025955878;
        } else {
          result[3] += -0.15371004;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.4337000847)) {
          result[3] += 0.114187635;
        } else {
          result[3] += -0.15234903;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3267998695)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.7283000946)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.2713000774)) {
          result[3] += 0.12218045;
        } else {
          result[3] += -0.12362005;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4493999481)) {
          result[3] += 0.18299264;
        } else {
          result[3] += -0.029321633;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6833000183)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.3126997948)) {
          result[3] += -0.1470742;
        } else {
          result[3] += 0.19539703;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.0682997704)) {
          result[3] += -0.03929565;
        } else {
          result[3] += 0.16204706;
        }
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2948000431)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.8780999184)) {
      result[4] += -0.15535805;
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)6.37169981)) {
          result[4] += 0.4665279;
        } else {
          result[4] += 0.20472813;
        }
      } else {
        result[4] += -0.15256271;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
      result[4] += -0.15266861;
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.5397000313)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4337000847)) {
          result[4] += 0.1996552;
        } else {
          result[4] += -0.027562222;
        }
      } else {
        result[4] += -0.1343589;
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8080999851)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5420000553)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.7832999229)) {
        result[5] += -0.15296987;
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.815199852)) {
          result[5] += 0.079651795;
        } else {
          result[5] += -0.14900331;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.9246997833)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3385999203)) {
          result[5] += 0.20196931;
        } else {
          result[5] += -0.14118932;
        }
      } else {
        result[5] += -0.1496636;
      }
    }
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.3702001572)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.081099987)) {
        result[5] += -0.15454875;
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)93.551399231)) {
          result[5] += -0.060598645;
        } else {
          result[5] += -0.14263895;
        }
      }
    } else {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0827999115)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8400000334)) {
          result[5] += 0.15582895;
        } else {
          result[5] += -0.13990343;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2309000492)) {
          result[5] += -0.064843856;
        } else {
          result[5] += -0.15390559;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7943999767)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6047999859)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.9133000374)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6521000862)) {
          result[6] += 0.05134624;
        } else {
          result[6] += -0.1529729;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)91.741401672)) {
          result[6] += 0.21312682;
        } else {
          result[6] += -0.09548175;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0597000122)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.9264998436)) {
          result[6] += -0.10349703;
        } else {
          result[6] += 0.19788678;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.5321002007)) {
          result[6] += 0.10169371;
        } else {
          result[6] += -0.15467973;
        }
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7568000555)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8919999599)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6187000275)) {
          result[6] += -0.1435372;
        } else {
          result[6] += -0.01257061;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7448999882)) {
          result[6] += -0.1511523;
        } else {
          result[6] += -0.07770996;
        }
      }
    } else {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.8714001179)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.9679000378)) {
          result[6] += 0.16539133;
        } else {
          result[6] += -0.15616928;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.1922001839)) {
          result[6] += -0.015104086;
        } else {
          result[6] += -0.14702085;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0434999466)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0798997879)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)41.428901672)) {
          result[7] += 0.20463966;
        } else {
          result[7] += 0.049801283;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.049699783)) {
          result[7] += 0.060648795;
        } else {
          result[7] += -0.15506369;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6212999821)) {
          result[7] += -0.12832348;
        } else {
          result[7] += 0.19638611;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.79189997911)) {
          result[7] += 0.15331636;
        } else {
          result[7] += -0.15542227;
        }
      }
    }
  } else {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.127300024)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3076999187)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.7235999107)) {
          result[7] += 0.18872647;
        } else {
          result[7] += -0.13162313;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.3252000809)) {
          result[7] += 0.13480116;
        } else {
          result[7] += -0.12677562;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.1843999624)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3076999187)) {
          result[7] += -0.13822542;
        } else {
          result[7] += -0.03250021;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)75.689796448)) {
          result[7] += 0.08419283;
        } else {
          result[7] += -0.15149316;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)44.8022995)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.594799042)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.139400482)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7465000153)) {
          result[8] += -0.1280606;
        } else {
          result[8] += -0.15453874;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.272499084)) {
          result[8] += 0.33259636;
        } else {
          result[8] += -0.15392423;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)50.497699738)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)37.199401855)) {
          result[8] += 0.05636594;
        } else {
          result[8] += -0.14844696;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.6220002174)) {
          result[8] += 0.36370617;
        } else {
          result[8] += -0.14773637;
        }
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3126997948)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)36.435199738)) {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.3347001076)) {
          result[8] += 0.19976433;
        } else {
          result[8] += -0.051960435;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
          result[8] += -0.20500144;
        } else {
          result[8] += 0.19853741;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)30.50110054)) {
          result[8] += -0.00016744572;
        } else {
          result[8] += -0.15468884;
        }
      } else {
        result[8] += 0.15479;
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2129998207)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5494999886)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)50.184101105)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.9910998344)) {
          result[0] += 0.124422245;
        } else {
          result[0] += -0.15017588;
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)51.030498505)) {
          result[0] += -0.06325307;
        } else {
          result[0] += -0.15745814;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.6396999359)) {
          result[0] += -0.11538638;
        } else {
          result[0] += 0.028950347;
        }
      } else {
        result[0] += -0.15354809;
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4436001778)) {
      if (!(data[8].missing != -1) || (data[8].fvalue < (float)30.606599808)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0320000648)) {
          result[0] += 0.03716603;
        } else {
          result[0] += -0.15279669;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.0457000732)) {
          result[0] += 0.13609113;
        } else {
          result[0] += -0.11386991;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.5806999207)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.6215999126)) {
          result[0] += 0.072282396;
        } else {
          result[0] += -0.14920405;
        }
      } else {
        result[0] += -0.15390116;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.4991002083)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.7694997787)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5494999886)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)119.89559937)) {
          result[1] += -0.15044168;
        } else {
          result[1] += -0.03753303;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3142000437)) {
          result[1] += 0.6844328;
        } else {
          result[1] += -0.11374554;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.103399992)) {
          result[1] += -0.014447818;
        } else {
          result[1] += 0.22342205;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.270401001)) {
          result[1] += -0.15227425;
        } else {
          result[1] += 0.08937779;
        }
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9328999519)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.935199976)) {
          result[1] += 0.17782111;
        } else {
          result[1] += -0.19055487;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4337000847)) {
          result[1] += 0.1877232;
        } else {
          result[1] += -0.119798064;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.693500042)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.919101715)) {
          result[1] += -0.1501131;
        } else {
          result[1] += 0.051993016;
        }
      } else {
        result[1] += 0.1270978;
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.155600071)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4436001778)) {
        result[2] += -0.15346396;
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.9368000031)) {
          result[2] += 0.02985745;
        } else {
          result[2] += -0.14466082;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3633000851)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2964000702)) {
          result[2] += 0.16033079;
        } else {
          result[2] += 0.01819137;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4512999058)) {
          result[2] += -0.043160003;
        } else {
          result[2] += -0.1535537;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.9696998596)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)9.4483995438)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.0811998844)) {
          result[2] += 0.067883685;
        } else {
          result[2] += -0.07730797;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4595999718)) {
          result[2] += 0.15915172;
        } else {
          result[2] += -0.01981569;
        }
      }
    } else {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)111.02980042)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.3333997726)) {
          result[2] += -0.10991338;
        } else {
          result[2] += -0.15289652;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.2585999966)) {
          result[2] += 0.19267708;
        } else {
          result[2] += -0.13904668;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.258300066)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.6504001617)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.1922001839)) {
        result[3] += -0.15397617;
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.1465001106)) {
          result[3] += -0.13330501;
        } else {
          result[3] += 0.017097795;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.5343999863)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2527999878)) {
          result[3] += -0.055218093;
        } else {
          result[3] += 0.20742686;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)13.39620018)) {
          result[3] += -0.14381298;
        } else {
          result[3] += 0.066112645;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3671998978)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4595999718)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)10.624799728)) {
          result[3] += 0.08335367;
        } else {
          result[3] += -0.0929154;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.1613001823)) {
          result[3] += 0.04351241;
        } else {
          result[3] += 0.36368805;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5652999878)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.0725998878)) {
          result[3] += -0.08491123;
        } else {
          result[3] += 0.19549438;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.953400135)) {
          result[3] += 0.03089854;
        } else {
          result[3] += 0.16722086;
        }
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2948000431)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.8780999184)) {
      result[4] += -0.15425926;
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0798997879)) {
          result[4] += 0.23930092;
        } else {
          result[4] += 0.017018342;
        }
      } else {
        result[4] += -0.15084213;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.5043001175)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
        result[4] += -0.15096344;
      } else {
        result[4] += 0.0056553814;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.5397000313)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4337000847)) {
          result[4] += 0.18644217;
        } else {
          result[4] += -0.023956243;
        }
      } else {
        result[4] += -0.12863025;
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8080999851)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.6079000235)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.9994997978)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.405600071)) {
          result[5] += -0.0999301;
        } else {
          result[5] += 0.16341265;
        }
      } else {
        result[5] += -0.1530486;
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)2.0525000095)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)9.9121999741)) {
          result[5] += 0.18867853;
        } else {
          result[5] += -0.08002496;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.728500366)) {
          result[5] += -0.14298613;
        } else {
          result[5] += -0.02735037;
        }
      }
    }
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.3702001572)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.081099987)) {
        result[5] += -0.15312237;
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.0383000374)) {
          result[5] += -0.058183804;
        } else {
          result[5] += -0.15097627;
        }
      }
    } else {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0827999115)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.1820001602)) {
          result[5] += 0.1304868;
        } else {
          result[5] += -0.1333707;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2309000492)) {
          result[5] += -0.053667378;
        } else {
          result[5] += -0.15245849;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7943999767)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2149000168)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6136000156)) {
        result[6] += -0.15030378;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)26.410299301)) {
          result[6] += 0.09149405;
        } else {
          result[6] += -0.120199524;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0597000122)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.0267000198)) {
          result[6] += 0.18438576;
        } else {
          result[6] += -0.15614904;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.5321002007)) {
          result[6] += 0.068988554;
        } else {
          result[6] += -0.16152567;
        }
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7568000555)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8919999599)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6187000275)) {
          result[6] += -0.13926686;
        } else {
          result[6] += -0.0006882417;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6646000147)) {
          result[6] += -0.15275088;
        } else {
          result[6] += -0.12024104;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.994699955)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.6372003555)) {
          result[6] += 0.12409444;
        } else {
          result[6] += -0.13751385;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.084100008)) {
          result[6] += -0.053391743;
        } else {
          result[6] += -0.14011425;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0434999466)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.1640000343)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7678999901)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
          result[7] += 0.14415888;
        } else {
          result[7] += -0.13737716;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.7651000023)) {
          result[7] += -0.11337283;
        } else {
          result[7] += 0.22294666;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.6915001869)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.5364000797)) {
          result[7] += 0.18225248;
        } else {
          result[7] += -0.14448008;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)9.7073001862)) {
          result[7] += -0.15368937;
        } else {
          result[7] += 0.16017628;
        }
      }
    }
  } else {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.127300024)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.2074999809)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)80.840301514)) {
          result[7] += 0.044845168;
        } else {
          result[7] += -0.14153077;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3118999004)) {
          result[7] += 0.09874544;
        } else {
          result[7] += -0.16171217;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.1843999624)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3076999187)) {
          result[7] += -0.13302146;
        } else {
          result[7] += -0.017947001;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)75.689796448)) {
          result[7] += 0.085631505;
        } else {
          result[7] += -0.14945242;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)44.201301575)) {
    if (!(data[0].missing != -1) || (data[0].fvalue < (float)52.633399963)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.139400482)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7465000153)) {
          result[8] += -0.120894454;
        } else {
          result[8] += -0.15326038;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)32.272499084)) {
          result[8] += 0.06729365;
        } else {
          result[8] += -0.13838682;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.940100193)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.6734000444)) {
          result[8] += 0.29288247;
        } else {
          result[8] += 0.030562585;
        }
      } else {
        result[8] += -0.14095746;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3126997948)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)36.309501648)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)46.793998718)) {
          result[8] += 0.33880025;
        } else {
          result[8] += 0.18602213;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
          result[8] += -0.19231945;
        } else {
          result[8] += 0.18492624;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.1625000238)) {
          result[8] += -0.0007731653;
        } else {
          result[8] += -0.1532293;
        }
      } else {
        result[8] += 0.14124504;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.602399826)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.4526998997)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)46.469100952)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.646900177)) {
          result[0] += 0.123024896;
        } else {
          result[0] += -0.04251891;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.675498962)) {
          result[0] += -0.14872682;
        } else {
          result[0] += 0.18497528;
        }
      }
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.3135000467)) {
        result[0] += -0.02522611;
      } else {
        result[0] += -0.15642856;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.4436001778)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.6964998245)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.7755000591)) {
          result[0] += -0.061663598;
        } else {
          result[0] += -0.18184854;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2625999451)) {
          result[0] += 0.084765404;
        } else {
          result[0] += -0.058273513;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.5806999207)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.5058999062)) {
          result[0] += 0.13997781;
        } else {
          result[0] += -0.1341006;
        }
      } else {
        result[0] += -0.15300456;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3587999344)) {
    if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.3067998886)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5494999886)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)31.246099472)) {
          result[1] += -0.10317131;
        } else {
          result[1] += -0.14999115;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.9032001495)) {
          result[1] += 0.0134672625;
        } else {
          result[1] += -0.14446698;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.8618998528)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.7197999954)) {
          result[1] += -0.09643705;
        } else {
          result[1] += 0.22995515;
        }
      } else {
        result[1] += -0.12494632;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9328999519)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.8833999634)) {
          result[1] += 0.15906759;
        } else {
          result[1] += -0.17301424;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4247000217)) {
          result[1] += 0.17737323;
        } else {
          result[1] += -0.11954222;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.693500042)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)119.89559937)) {
          result[1] += -0.14893591;
        } else {
          result[1] += 0.056590997;
        }
      } else {
        result[1] += 0.11484829;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.3052000999)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
      result[2] += -0.15250933;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9477000237)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3385999203)) {
          result[2] += 0.24790132;
        } else {
          result[2] += -0.026893556;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)2.9465999603)) {
          result[2] += 0.14026514;
        } else {
          result[2] += -0.14592579;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5146000385)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9551000595)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)49.573200226)) {
          result[2] += 0.15818398;
        } else {
          result[2] += -0.11809291;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4937000275)) {
          result[2] += -0.08868311;
        } else {
          result[2] += 0.10390183;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2527999878)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.398200035)) {
          result[2] += -0.13072164;
        } else {
          result[2] += 0.20057817;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.6743998528)) {
          result[2] += -0.10149292;
        } else {
          result[2] += -0.15751268;
        }
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.2109000683)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.1922001839)) {
      result[3] += -0.15260835;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3880000114)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.981400013)) {
          result[3] += -0.07086603;
        } else {
          result[3] += 0.13525297;
        }
      } else {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.4491000175)) {
          result[3] += -0.15083358;
        } else {
          result[3] += 0.057154987;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.7465000153)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.2760000229)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.5058999062)) {
          result[3] += -0.14305384;
        } else {
          result[3] += 0.28925976;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)138.44941711)) {
          result[3] += -0.13181435;
        } else {
          result[3] += 0.09458232;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4728000164)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)6.2150998116)) {
          result[3] += 0.20649976;
        } else {
          result[3] += -0.061132833;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.7197999954)) {
          result[3] += -0.018109774;
        } else {
          result[3] += 0.14068985;
        }
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2948000431)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.8780999184)) {
      result[4] += -0.15335661;
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.8618998528)) {
          result[4] += 0.22656067;
        } else {
          result[4] += 0.038948044;
        }
      } else {
        result[4] += -0.14920087;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.5043001175)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
        result[4] += -0.14933433;
      } else {
        result[4] += 0.0035703327;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3618001938)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.3752000332)) {
          result[4] += 0.17810725;
        } else {
          result[4] += 0.0020744167;
        }
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.8541998863)) {
          result[4] += -0.12438586;
        } else {
          result[4] += 0.013105928;
        }
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.6569000483)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.0546998978)) {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7934999466)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.3461999893)) {
          result[5] += 0.13336605;
        } else {
          result[5] += -0.11106676;
        }
      } else {
        result[5] += -0.1511377;
      }
    } else {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9077000618)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.9994997978)) {
          result[5] += 0.14286657;
        } else {
          result[5] += -0.15579833;
        }
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.3471999168)) {
          result[5] += -0.042006757;
        } else {
          result[5] += -0.13597764;
        }
      }
    }
  } else {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9181001186)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.9582999945)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)8.8500995636)) {
          result[5] += 0.17699012;
        } else {
          result[5] += -0.16452087;
        }
      } else {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.905299902)) {
          result[5] += -0.14838347;
        } else {
          result[5] += 0.08862106;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.4222002029)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)81.180999756)) {
          result[5] += 0.10385206;
        } else {
          result[5] += -0.14307825;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.0383000374)) {
          result[5] += 0.10054418;
        } else {
          result[5] += -0.13067368;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8185999393)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.4959001541)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2149000168)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7344999313)) {
          result[6] += -0.05089763;
        } else {
          result[6] += -0.15209875;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.4520998001)) {
          result[6] += 0.09729277;
        } else {
          result[6] += -0.15117702;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0597000122)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
          result[6] += -0.14226258;
        } else {
          result[6] += 0.17514385;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.1922001839)) {
          result[6] += 0.1104827;
        } else {
          result[6] += -0.15091242;
        }
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7531000376)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6593999863)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8585999012)) {
          result[6] += -0.11024859;
        } else {
          result[6] += -0.15108186;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9309999943)) {
          result[6] += 0.006636854;
        } else {
          result[6] += -0.13238968;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.0626001358)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.350399971)) {
          result[6] += -0.10904071;
        } else {
          result[6] += 0.14086667;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)2.7353999615)) {
          result[6] += -0.1520608;
        } else {
          result[6] += 0.20249638;
        }
      }
    }
  }
  if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.0676000118)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4436001778)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.0852999687)) {
          result[7] += 0.04696267;
        } else {
          result[7] += 0.17410323;
        }
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.6735999584)) {
          result[7] += 0.26984942;
        } else {
          result[7] += -0.12963775;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.7158000469)) {
          result[7] += -0.10612005;
        } else {
          result[7] += 0.17268914;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.79189997911)) {
          result[7] += 0.128596;
        } else {
          result[7] += -0.15782018;
        }
      }
    }
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.1843999624)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0332999229)) {
        result[7] += -0.15332846;
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
          result[7] += 0.052904222;
        } else {
          result[7] += -0.1531448;
        }
      }
    } else {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)75.689796448)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9966000319)) {
          result[7] += -0.08069818;
        } else {
          result[7] += 0.21125054;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2232999802)) {
          result[7] += -0.12523359;
        } else {
          result[7] += -0.15150326;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)44.201301575)) {
    if (!(data[0].missing != -1) || (data[0].fvalue < (float)52.633399963)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.139400482)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7465000153)) {
          result[8] += -0.11290789;
        } else {
          result[8] += -0.1521322;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)35.288101196)) {
          result[8] += 0.08396186;
        } else {
          result[8] += -0.12884122;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.7318999767)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.223099947)) {
          result[8] += 0.25008532;
        } else {
          result[8] += 0.072313175;
        }
      } else {
        result[8] += -0.13698532;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3126997948)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)36.309501648)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.3411998749)) {
          result[8] += 0.18187787;
        } else {
          result[8] += -0.12015061;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
          result[8] += -0.19082244;
        } else {
          result[8] += 0.17590882;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)38.21680069)) {
          result[8] += -0.005730966;
        } else {
          result[8] += -0.15090366;
        }
      } else {
        result[8] += 0.12980917;
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.5494999886)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.339700222)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.594799042)) {
          result[0] += 0.11316017;
        } else {
          result[0] += -0.028016413;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.6650999784)) {
          result[0] += 0.00055761193;
        } else {
          result[0] += -0.13075452;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5535000563)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.9696998596)) {
          result[0] += -0.28425255;
        } else {
          result[0] += -0.15539622;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.3333997726)) {
          result[0] += 0.019289132;
        } else {
          result[0] += -0.15119673;
        }
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.5806999207)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2625999451)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.2410998344)) {
          result[0] += 0.13345765;
        } else {
          result[0] += -0.14287771;
        }
      } else {
        result[0] += -0.15315592;
      }
    } else {
      result[0] += -0.15218103;
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.2150998116)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5494999886)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)31.246099472)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)31.053699493)) {
          result[1] += -0.11725081;
        } else {
          result[1] += 0.122227274;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)119.89559937)) {
          result[1] += -0.14903069;
        } else {
          result[1] += -0.0037276456;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.8618998528)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6349999905)) {
          result[1] += 0.13984175;
        } else {
          result[1] += -0.022562385;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
          result[1] += -0.066782236;
        } else {
          result[1] += -0.1532924;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4063000679)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8752999306)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0657999516)) {
          result[1] += 0.18715273;
        } else {
          result[1] += -0.16272654;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.8674998283)) {
          result[1] += 0.17232235;
        } else {
          result[1] += -0.0795057;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7388000488)) {
        result[1] += 0.06968586;
      } else {
        result[1] += -0.14879419;
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1254000664)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.5806999207)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
        result[2] += -0.15273783;
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.4381999969)) {
          result[2] += 0.0063522984;
        } else {
          result[2] += -0.137909;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.2534000874)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0580000877)) {
          result[2] += 0.14301242;
        } else {
          result[2] += 0.011443597;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.0335001945)) {
          result[2] += -0.00985743;
        } else {
          result[2] += -0.14554603;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.0682997704)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)10.697799683)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.7283000946)) {
          result[2] += 0.11888755;
        } else {
          result[2] += -0.0024970626;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4247000217)) {
          result[2] += 0.15898682;
        } else {
          result[2] += 0.017897794;
        }
      }
    } else {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)112.31009674)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.5381999016)) {
          result[2] += -0.14902242;
        } else {
          result[2] += -0.013169264;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)31.30629921)) {
          result[2] += 0.35629275;
        } else {
          result[2] += -0.13343297;
        }
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1429998875)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
      result[3] += -0.15331979;
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3633000851)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.506000042)) {
          result[3] += 0.19513373;
        } else {
          result[3] += -0.036156643;
        }
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.8372001648)) {
          result[3] += -0.15263078;
        } else {
          result[3] += 0.022197627;
        }
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.6254000664)) {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.5364000797)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.870800018)) {
          result[3] += -0.03988546;
        } else {
          result[3] += -0.15515698;
        }
      } else {
        result[3] += 0.080472544;
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.7283000946)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.4749000072)) {
          result[3] += -0.15529662;
        } else {
          result[3] += -0.040319018;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5789999962)) {
          result[3] += 0.13884914;
        } else {
          result[3] += 0.054588012;
        }
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2948000431)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.8780999184)) {
      result[4] += -0.1525565;
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.8315999508)) {
          result[4] += 0.214719;
        } else {
          result[4] += 0.03765105;
        }
      } else {
        result[4] += -0.14751263;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.5043001175)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.212100029)) {
        result[4] += -0.14757913;
      } else {
        result[4] += -0.009259306;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.5397000313)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.3752000332)) {
          result[4] += 0.17139216;
        } else {
          result[4] += -0.011497544;
        }
      } else {
        result[4] += -0.118519224;
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.6533999443)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.005300045)) {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.6712999344)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.8085000515)) {
          result[5] += -0.105322905;
        } else {
          result[5] += 0.16305745;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8080999851)) {
          result[5] += -0.107602745;
        } else {
          result[5] += -0.15079913;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.9994997978)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9453999996)) {
          result[5] += 0.1033905;
        } else {
          result[5] += -0.10007284;
        }
      } else {
        result[5] += -0.15438919;
      }
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8770000935)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.9911999702)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.1749000549)) {
          result[5] += 0.175866;
        } else {
          result[5] += -0.09330106;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)48.732498169)) {
          result[5] += -0.1408957;
        } else {
          result[5] += 0.030917056;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.405600071)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9365999699)) {
          result[5] += 0.0139601175;
        } else {
          result[5] += -0.14074367;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.4071998596)) {
          result[5] += -0.13348286;
        } else {
          result[5] += 0.1017692;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8185999393)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.4959001541)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5721999407)) {
        result[6] += -0.14823766;
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.8585999012)) {
          result[6] += 0.16117567;
        } else {
          result[6] += -0.05425185;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0574998856)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.0267000198)) {
          result[6] += 0.16668665;
        } else {
          result[6] += -0.15009865;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.1922001839)) {
          result[6] += 0.09103804;
        } else {
          result[6] += -0.14401916;
        }
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7409000397)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8919999599)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6187000275)) {
          result[6] += -0.1350236;
        } else {
          result[6] += 0.0216973;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6646000147)) {
          result[6] += -0.15024039;
        } else {
          result[6] += -0.11231806;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.9096999168)) {
          result[6] += 0.12993948;
        } else {
          result[6] += -0.15628362;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)2.5418000221)) {
          result[6] += -0.14034873;
        } else {
          result[6] += 0.16171052;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0676000118)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0504000187)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.7235999107)) {
        result[7] += 0.1213469;
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.2043999434)) {
          result[7] += -0.019172706;
        } else {
          result[7] += -0.15357012;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.6220002174)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.4505000114)) {
          result[7] += 0.16053696;
        } else {
          result[7] += -0.13958737;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.91869997978)) {
          result[7] += 0.15212399;
        } else {
          result[7] += -0.14351423;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3076999187)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)76.800300598)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)22.658700943)) {
          result[7] += 0.35500714;
        } else {
          result[7] += -0.10842774;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
          result[7] += -0.15293452;
        } else {
          result[7] += -0.11604802;
        }
      }
    } else {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.7158000469)) {
        result[7] += -0.15289383;
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.371999979)) {
          result[7] += 0.13849306;
        } else {
          result[7] += -0.13303873;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)44.201301575)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.139400482)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7465000153)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.779098511)) {
          result[8] += -0.14164536;
        } else {
          result[8] += 0.09271621;
        }
      } else {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.4982000589)) {
          result[8] += -0.15216509;
        } else {
          result[8] += 0.004816032;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.9846000671)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)33.115898132)) {
          result[8] += 0.14236057;
        } else {
          result[8] += -0.04881121;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)36.122211456)) {
          result[8] += -0.15389375;
        } else {
          result[8] += -0.055135272;
        }
      }
    }
  } else {
    if (!(data[10].missing != -1) || (data[10].fvalue < (float)36.309501648)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.9166002274)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.3411998749)) {
          result[8] += 0.17445982;
        } else {
          result[8] += -0.11441677;
        }
      } else {
        result[8] += -0.12981306;
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
          result[8] += -0.17813626;
        } else {
          result[8] += -0.0036724794;
        }
      } else {
        result[8] += 0.1690211;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.5577001572)) {
    if (!(data[0].missing != -1) || (data[0].fvalue < (float)51.030498505)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.4526998997)) {
          result[0] += 0.08052367;
        } else {
          result[0] += -0.15105286;
        }
      } else {
        result[0] += -0.1495921;
      }
    } else {
      result[0] += -0.15707406;
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.4436001778)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.9159002304)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9628000259)) {
          result[0] += -0.04546144;
        } else {
          result[0] += -0.15357506;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.505300045)) {
          result[0] += 0.06107949;
        } else {
          result[0] += -0.1043885;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.5806999207)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.6215999126)) {
          result[0] += 0.05603837;
        } else {
          result[0] += -0.14280835;
        }
      } else {
        result[0] += -0.15145522;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.2150998116)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.8618998528)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.460100174)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)37.417301178)) {
          result[1] += 0.036213625;
        } else {
          result[1] += -0.14250965;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.483399868)) {
          result[1] += 0.07703477;
        } else {
          result[1] += -0.15076514;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.1217000484)) {
          result[1] += -0.13895114;
        } else {
          result[1] += 0.1474532;
        }
      } else {
        result[1] += -0.15308475;
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4063000679)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8940000534)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0694000721)) {
          result[1] += 0.17722523;
        } else {
          result[1] += -0.15155257;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.4066998959)) {
          result[1] += 0.16712168;
        } else {
          result[1] += 0.03331378;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7388000488)) {
        result[1] += 0.06645951;
      } else {
        result[1] += -0.14735287;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.3052000999)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
      result[2] += -0.15077965;
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.9510999918)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3385999203)) {
          result[2] += 0.18587305;
        } else {
          result[2] += -0.035926457;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.1407999992)) {
          result[2] += -0.029598169;
        } else {
          result[2] += -0.15825745;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5452001095)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.302000046)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.981400013)) {
          result[2] += 0.10604553;
        } else {
          result[2] += 0.003674681;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
          result[2] += 0.15700611;
        } else {
          result[2] += -0.13947803;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.3073000908)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.943799973)) {
          result[2] += -0.13265842;
        } else {
          result[2] += 0.21210779;
        }
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.7796998024)) {
          result[2] += -0.15127327;
        } else {
          result[2] += 0.026143478;
        }
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1429998875)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
      result[3] += -0.15279567;
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3004000187)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6621999741)) {
          result[3] += 0.11061012;
        } else {
          result[3] += -0.09448316;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3763999939)) {
          result[3] += 0.042792782;
        } else {
          result[3] += -0.14785948;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.021600008)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.4749000072)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6979000568)) {
          result[3] += -0.18321846;
        } else {
          result[3] += 0.06910205;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3914999962)) {
          result[3] += 0.16217983;
        } else {
          result[3] += -0.019349892;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.9240000248)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.7072999477)) {
          result[3] += -0.121417366;
        } else {
          result[3] += 0.11261458;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)4.8545999527)) {
          result[3] += -0.17395864;
        } else {
          result[3] += 0.12067989;
        }
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2948000431)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.8780999184)) {
      result[4] += -0.15184231;
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.8315999508)) {
          result[4] += 0.20378222;
        } else {
          result[4] += 0.034585595;
        }
      } else {
        result[4] += -0.145621;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
      result[4] += -0.14597386;
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3618001938)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.6828000546)) {
          result[4] += 0.00031803316;
        } else {
          result[4] += 0.1668737;
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.8159000874)) {
          result[4] += -0.112993635;
        } else {
          result[4] += -0.007370186;
        }
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.6486999989)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.1577000618)) {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7934999466)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.4804999828)) {
          result[5] += -0.12281403;
        } else {
          result[5] += 0.052661788;
        }
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.3571000099)) {
          result[5] += -0.14982836;
        } else {
          result[5] += -0.1115952;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.5494999886)) {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)28.124900818)) {
          result[5] += 0.14623404;
        } else {
          result[5] += -0.07930155;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7692000866)) {
          result[5] += 0.0038166044;
        } else {
          result[5] += -0.14292222;
        }
      }
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8770000935)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.9246997833)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.185199976)) {
          result[5] += 0.16881528;
        } else {
          result[5] += -0.08856052;
        }
      } else {
        result[5] += -0.13789453;
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.405600071)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.0062999725)) {
          result[5] += -0.02377102;
        } else {
          result[5] += -0.1437583;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.6531000137)) {
          result[5] += -0.08036457;
        } else {
          result[5] += 0.10639798;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7565999031)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.1125998497)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6212999821)) {
        result[6] += 0.14481163;
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.8394999504)) {
          result[6] += -0.16853786;
        } else {
          result[6] += -0.018664207;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.2109000683)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.0267000198)) {
          result[6] += 0.16061729;
        } else {
          result[6] += -0.13071628;
        }
      } else {
        result[6] += -0.13234337;
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5896000862)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8852000237)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2149000168)) {
          result[6] += -0.14152656;
        } else {
          result[6] += -0.007347682;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5494999886)) {
          result[6] += -0.15048873;
        } else {
          result[6] += -0.0891212;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.1922001839)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.1591000557)) {
          result[6] += -0.099889606;
        } else {
          result[6] += 0.16061138;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)2.5418000221)) {
          result[6] += -0.1423459;
        } else {
          result[6] += 0.14283183;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.016100049)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9966000319)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)3.904599905)) {
        result[7] += 0.06071431;
      } else {
        result[7] += -0.1452396;
      }
    } else {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.5436999798)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)40.535900116)) {
          result[7] += -0.14859633;
        } else {
          result[7] += -0.035470527;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.1444001198)) {
          result[7] += 0.15819007;
        } else {
          result[7] += -0.11362014;
        }
      }
    }
  } else {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.1843999624)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0332999229)) {
        result[7] += -0.1525321;
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
          result[7] += 0.074004404;
        } else {
          result[7] += -0.15315937;
        }
      }
    } else {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)75.689796448)) {
        result[7] += 0.10638512;
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2232999802)) {
          result[7] += -0.1111661;
        } else {
          result[7] += -0.14934379;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)43.594799042)) {
    if (!(data[0].missing != -1) || (data[0].fvalue < (float)50.497699738)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.065199852)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)40.924098969)) {
          result[8] += -0.12873939;
        } else {
          result[8] += 0.050815742;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)30.251899719)) {
          result[8] += 0.052867;
        } else {
          result[8] += -0.14874096;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.594799042)) {
        result[8] += -0.14227907;
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.5896000862)) {
          result[8] += 0.2521232;
        } else {
          result[8] += -0.025182115;
        }
      }
    }
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)35.456600189)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.0383000374)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)44.8022995)) {
          result[8] += 0.31529197;
        } else {
          result[8] += 0.1679142;
        }
      } else {
        result[8] += -0.121237464;
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)35.481201172)) {
          result[8] += 0.20457865;
        } else {
          result[8] += -0.16990666;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3541998863)) {
          result[8] += 0.16472128;
        } else {
          result[8] += -0.08031365;
        }
      }
    }
  }
}

