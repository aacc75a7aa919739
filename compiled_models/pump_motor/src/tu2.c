
#include "header.h"

void predict_unit2(union Entry* data, float* result) {
  unsigned int tmp;
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.6515002251)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.215099335)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.460100174)) {
          result[0] += 0.042119145;
        } else {
          result[0] += -0.16318932;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)35.456600189)) {
          result[0] += -0.21124682;
        } else {
          result[0] += -0.06200907;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)50.659301758)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.2867999077)) {
          result[0] += 0.083849184;
        } else {
          result[0] += -0.14274125;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.543899536)) {
          result[0] += -0.1550649;
        } else {
          result[0] += -0.031772275;
        }
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.5806999207)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2625999451)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.6676001549)) {
          result[0] += -0.13026814;
        } else {
          result[0] += 0.10601986;
        }
      } else {
        result[0] += -0.15043586;
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)31.854299545)) {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.2451000214)) {
          result[0] += -0.12774211;
        } else {
          result[0] += 0.07306757;
        }
      } else {
        result[0] += -0.15196596;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.2150998116)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.8618998528)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.460100174)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)31.246099472)) {
          result[1] += -0.019440683;
        } else {
          result[1] += -0.14313573;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6323000193)) {
          result[1] += 0.112725504;
        } else {
          result[1] += -0.029193178;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.1217000484)) {
          result[1] += -0.13379097;
        } else {
          result[1] += 0.114395805;
        }
      } else {
        result[1] += -0.15259776;
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5048999786)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8940000534)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0694000721)) {
          result[1] += 0.16399908;
        } else {
          result[1] += -0.14360796;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7122001648)) {
          result[1] += 0.1645788;
        } else {
          result[1] += -0.08258952;
        }
      }
    } else {
      result[1] += -0.14555068;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.7337999344)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
      result[2] += -0.14978537;
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1205999851)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.4853000641)) {
          result[2] += 0.0830095;
        } else {
          result[2] += -0.115965165;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3142000437)) {
          result[2] += 0.011620982;
        } else {
          result[2] += -0.15907519;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5452001095)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.302000046)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.7465000153)) {
          result[2] += 0.12727775;
        } else {
          result[2] += 0.02095774;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.345400095)) {
          result[2] += 0.17398587;
        } else {
          result[2] += 0.06795528;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.3073000908)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.943799973)) {
          result[2] += -0.11827485;
        } else {
          result[2] += 0.1985579;
        }
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.7796998024)) {
          result[2] += -0.14742483;
        } else {
          result[2] += 0.053492967;
        }
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1429998875)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
      result[3] += -0.15232971;
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3633000851)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9895999432)) {
          result[3] += -0.08429131;
        } else {
          result[3] += 0.08473726;
        }
      } else {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)37.571998596)) {
          result[3] += -0.15134363;
        } else {
          result[3] += 0.05276731;
        }
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)35.905799866)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)40.092700958)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.673599243)) {
          result[3] += -0.102494776;
        } else {
          result[3] += 0.07751541;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.1773999929)) {
          result[3] += 0.17022815;
        } else {
          result[3] += -0.1160239;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1874001026)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.405500412)) {
          result[3] += 0.06762354;
        } else {
          result[3] += -0.07593565;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.8612999916)) {
          result[3] += -0.14179514;
        } else {
          result[3] += 0.12409006;
        }
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2720999718)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.9718999863)) {
      result[4] += -0.15116578;
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.8618998528)) {
          result[4] += 0.19342549;
        } else {
          result[4] += 0.02156265;
        }
      } else {
        result[4] += -0.14281036;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.5043001175)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.0886001587)) {
        result[4] += -0.14476883;
      } else {
        result[4] += -0.024844134;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3618001938)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.6828000546)) {
          result[4] += -0.0011437417;
        } else {
          result[4] += 0.1634192;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8852000237)) {
          result[4] += -0.010586173;
        } else {
          result[4] += -0.105364986;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.204199791)) {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8343999386)) {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.5053999424)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.2537999153)) {
          result[5] += 0.052676763;
        } else {
          result[5] += -0.14215443;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.3777999878)) {
          result[5] += 0.14775243;
        } else {
          result[5] += -0.13924092;
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.081099987)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.239199996)) {
          result[5] += -0.06196595;
        } else {
          result[5] += -0.15002903;
        }
      } else {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)23.419599533)) {
          result[5] += 0.29431286;
        } else {
          result[5] += -0.11280976;
        }
      }
    }
  } else {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9059000015)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.9582999945)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7441000938)) {
          result[5] += -0.07843226;
        } else {
          result[5] += 0.1551789;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)48.826400757)) {
          result[5] += -0.14827298;
        } else {
          result[5] += 0.019856269;
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)6.1185998917)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.704199791)) {
          result[5] += 0.076147914;
        } else {
          result[5] += -0.12614626;
        }
      } else {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.7627999783)) {
          result[5] += 0.042286545;
        } else {
          result[5] += -0.14466712;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.935199976)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6593999863)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7344999313)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)27.437099457)) {
          result[6] += 0.15599509;
        } else {
          result[6] += -0.12237344;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8585999012)) {
          result[6] += -0.08713512;
        } else {
          result[6] += -0.14713913;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.1922001839)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)46.294200897)) {
          result[6] += 0.099819936;
        } else {
          result[6] += -0.10638312;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7223000526)) {
          result[6] += 0.05187093;
        } else {
          result[6] += -0.15182695;
        }
      }
    }
  } else {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9835999012)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
        result[6] += -0.14379321;
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)9.181599617)) {
          result[6] += 0.16629496;
        } else {
          result[6] += -0.14303593;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.9748001099)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.2112998962)) {
          result[6] += -0.14026801;
        } else {
          result[6] += -0.023397606;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.5875000954)) {
          result[6] += 0.118544616;
        } else {
          result[6] += -0.13596018;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0010999441)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
      result[7] += 0.16167355;
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.0798997879)) {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)23.806400299)) {
          result[7] += 0.10459206;
        } else {
          result[7] += -0.16337375;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3385999203)) {
          result[7] += 0.12624116;
        } else {
          result[7] += -0.16687077;
        }
      }
    }
  } else {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.1843999624)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0332999229)) {
        result[7] += -0.15163796;
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.12789917)) {
          result[7] += 0.074352816;
        } else {
          result[7] += -0.11390903;
        }
      }
    } else {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)75.689796448)) {
        result[7] += 0.102454536;
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2232999802)) {
          result[7] += -0.102851644;
        } else {
          result[7] += -0.1480397;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)43.594799042)) {
    if (!(data[0].missing != -1) || (data[0].fvalue < (float)50.497699738)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.065199852)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)31.273099899)) {
          result[8] += 0.059352733;
        } else {
          result[8] += -0.12909445;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)30.251899719)) {
          result[8] += 0.05784929;
        } else {
          result[8] += -0.14666307;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.6220002174)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.6734000444)) {
          result[8] += 0.22586209;
        } else {
          result[8] += -0.014669578;
        }
      } else {
        result[8] += -0.13920471;
      }
    }
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)35.143199921)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)44.8022995)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)37.333000183)) {
          result[8] += 0.34636223;
        } else {
          result[8] += -0.14169961;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.700901031)) {
          result[8] += 0.16555828;
        } else {
          result[8] += 0.0605849;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)36.403400421)) {
          result[8] += 0.24710223;
        } else {
          result[8] += -0.16687116;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3541998863)) {
          result[8] += 0.16134243;
        } else {
          result[8] += -0.074721105;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.4772000313)) {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.0350999832)) {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.3067998886)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)47.03850174)) {
          result[0] += 0.0691088;
        } else {
          result[0] += -0.14865805;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5753002167)) {
          result[0] += 0.1038705;
        } else {
          result[0] += -0.17369765;
        }
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.0183999538)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.6275999546)) {
          result[0] += 0.03574822;
        } else {
          result[0] += -0.1680752;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.0803999901)) {
          result[0] += -0.064151004;
        } else {
          result[0] += -0.15566052;
        }
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.5806999207)) {
      if (!(data[8].missing != -1) || (data[8].fvalue < (float)28.767900467)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.7755000591)) {
          result[0] += -0.06102463;
        } else {
          result[0] += -0.18783836;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.2006001472)) {
          result[0] += 0.037518088;
        } else {
          result[0] += -0.12643519;
        }
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)31.854299545)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.304700017)) {
          result[0] += -0.122602336;
        } else {
          result[0] += 0.073613875;
        }
      } else {
        result[0] += -0.1515466;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.2150998116)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.8618998528)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2964000702)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)37.417301178)) {
          result[1] += 0.0583906;
        } else {
          result[1] += -0.1478468;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)33.374900818)) {
          result[1] += -0.04445589;
        } else {
          result[1] += 0.09796573;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)6.2150998116)) {
          result[1] += -0.10980762;
        } else {
          result[1] += 0.24440084;
        }
      } else {
        result[1] += -0.15215197;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7122001648)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8752999306)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.2930002213)) {
          result[1] += 0.15459856;
        } else {
          result[1] += -0.14316642;
        }
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.799200058)) {
          result[1] += 0.036027115;
        } else {
          result[1] += 0.1611629;
        }
      }
    } else {
      result[1] += -0.14382394;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.0383000374)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)88.408805847)) {
        result[2] += -0.15146688;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)41.087299347)) {
          result[2] += 0.07369586;
        } else {
          result[2] += -0.12600376;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9402999878)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3385999203)) {
          result[2] += 0.21988343;
        } else {
          result[2] += -0.032597963;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.7465000153)) {
          result[2] += -0.04100627;
        } else {
          result[2] += -0.15403666;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.0682997704)) {
      if (!(data[8].missing != -1) || (data[8].fvalue < (float)30.821699142)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.8664000034)) {
          result[2] += 0.110193335;
        } else {
          result[2] += -0.010339684;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5671000481)) {
          result[2] += 0.04535563;
        } else {
          result[2] += 0.14760199;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7465000153)) {
        result[2] += 0.2099454;
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)5.5381999016)) {
          result[2] += -0.14875051;
        } else {
          result[2] += -0.044033956;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.1922001839)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3385999203)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)77.734596252)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.9904000759)) {
          result[3] += -0.09393335;
        } else {
          result[3] += 0.069643;
        }
      } else {
        result[3] += -0.15042758;
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.1075999737)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.1345999241)) {
          result[3] += 0.2563755;
        } else {
          result[3] += -0.09267581;
        }
      } else {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.1335999966)) {
          result[3] += 0.045375127;
        } else {
          result[3] += -0.15940854;
        }
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7906999588)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3671998978)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.4622000456)) {
          result[3] += 0.071211405;
        } else {
          result[3] += -0.044526204;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5605000257)) {
          result[3] += 0.16085993;
        } else {
          result[3] += 0.06489131;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)5.0727000237)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)38.68239975)) {
          result[3] += -0.15702961;
        } else {
          result[3] += -0.0569687;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.9317998886)) {
          result[3] += -0.1842846;
        } else {
          result[3] += 0.16397831;
        }
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2720999718)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.9718999863)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.3411998749)) {
        result[4] += -0.15206999;
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.3853001595)) {
          result[4] += -0.14499748;
        } else {
          result[4] += 0.06977845;
        }
      }
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7388000488)) {
          result[4] += 0.18147889;
        } else {
          result[4] += 0.027555143;
        }
      } else {
        result[4] += -0.14010099;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.5043001175)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.0350999832)) {
        result[4] += -0.14273906;
      } else {
        result[4] += -0.02609174;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3618001938)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.266600132)) {
          result[4] += 0.16080213;
        } else {
          result[4] += -0.016693475;
        }
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.4848001003)) {
          result[4] += -0.09659178;
        } else {
          result[4] += -0.015695347;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.1577000618)) {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8343999386)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.8348999023)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.2725999355)) {
          result[5] += 0.07543102;
        } else {
          result[5] += -0.14700356;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)95.586799622)) {
          result[5] += 0.17449866;
        } else {
          result[5] += -0.07101808;
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.081099987)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.7176001072)) {
          result[5] += -0.14893766;
        } else {
          result[5] += -0.05115827;
        }
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.4942998886)) {
          result[5] += -0.11504117;
        } else {
          result[5] += 0.12818082;
        }
      }
    }
  } else {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9504001141)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.9582999945)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0620999336)) {
          result[5] += 0.15189007;
        } else {
          result[5] += -0.026173044;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.5809001923)) {
          result[5] += -0.14722943;
        } else {
          result[5] += 0.0134070525;
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)6.1185998917)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.0350999832)) {
          result[5] += -0.072019406;
        } else {
          result[5] += 0.14990406;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9960000515)) {
          result[5] += -0.037795044;
        } else {
          result[5] += -0.14823046;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8185999393)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9184000492)) {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.0267000198)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.8394999504)) {
          result[6] += -0.13188414;
        } else {
          result[6] += 0.16104218;
        }
      } else {
        result[6] += -0.13718857;
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.9015002251)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.3319001198)) {
          result[6] += -0.10322551;
        } else {
          result[6] += 0.11015017;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6521000862)) {
          result[6] += -0.0060264077;
        } else {
          result[6] += -0.15761587;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.5896000862)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9047000408)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)41.567401886)) {
          result[6] += 0.033636075;
        } else {
          result[6] += -0.12520048;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8609000444)) {
          result[6] += -0.14920735;
        } else {
          result[6] += -0.047394987;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.9015002251)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)6.7301001549)) {
          result[6] += 0.104352474;
        } else {
          result[6] += -0.13383928;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)2.6717000008)) {
          result[6] += -0.14678855;
        } else {
          result[6] += 0.13749361;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0010999441)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
      result[7] += 0.15882884;
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.5806999207)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)36.269798279)) {
          result[7] += 0.050185677;
        } else {
          result[7] += -0.2247991;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3385999203)) {
          result[7] += 0.12757516;
        } else {
          result[7] += -0.1592169;
        }
      }
    }
  } else {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.1843999624)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0504000187)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)22.412200928)) {
          result[7] += 0.04794639;
        } else {
          result[7] += -0.14851664;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.3859000206)) {
          result[7] += 0.06993098;
        } else {
          result[7] += -0.12830901;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2232999802)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)35.515399933)) {
          result[7] += 0.021269772;
        } else {
          result[7] += -0.14002338;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)22.046499252)) {
          result[7] += -0.016010076;
        } else {
          result[7] += -0.14787778;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)43.664199829)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.139400482)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7465000153)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.03219986)) {
          result[8] += -0.14784157;
        } else {
          result[8] += 0.11849229;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)31.053699493)) {
          result[8] += 0.016810745;
        } else {
          result[8] += -0.15091491;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)42.987998962)) {
          result[8] += -0.15008272;
        } else {
          result[8] += 0.08579263;
        }
      } else {
        result[8] += -0.15089794;
      }
    }
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)35.385101318)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.0383000374)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)46.793998718)) {
          result[8] += 0.26087752;
        } else {
          result[8] += 0.16074857;
        }
      } else {
        result[8] += -0.10247458;
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)27.931499481)) {
          result[8] += 0.12604994;
        } else {
          result[8] += -0.16412106;
        }
      } else {
        result[8] += 0.15993181;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.4222002029)) {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.0812997818)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)43.763801575)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.460100174)) {
          result[0] += 0.117667496;
        } else {
          result[0] += -0.055795282;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)33.14730072)) {
          result[0] += -0.18786949;
        } else {
          result[0] += 0.019368611;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)51.030498505)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
          result[0] += 0.12663262;
        } else {
          result[0] += -0.13464117;
        }
      } else {
        result[0] += -0.1415876;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.5806999207)) {
      if (!(data[8].missing != -1) || (data[8].fvalue < (float)28.767900467)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.7755000591)) {
          result[0] += -0.05939061;
        } else {
          result[0] += -0.17801276;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.7248997688)) {
          result[0] += 0.031092161;
        } else {
          result[0] += -0.14728804;
        }
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)31.854299545)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.304700017)) {
          result[0] += -0.1169607;
        } else {
          result[0] += 0.07394065;
        }
      } else {
        result[0] += -0.1511277;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.4338998795)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2964000702)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)37.417301178)) {
          result[1] += 0.05472063;
        } else {
          result[1] += -0.14738281;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5484000444)) {
          result[1] += 0.12967066;
        } else {
          result[1] += -0.02157379;
        }
      }
    } else {
      if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.2662000656)) {
        result[1] += -0.15170811;
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9314000607)) {
          result[1] += 0.04540783;
        } else {
          result[1] += -0.09403875;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5048999786)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.867399931)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0543999672)) {
          result[1] += 0.15160863;
        } else {
          result[1] += -0.14000325;
        }
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.8285999298)) {
          result[1] += 0.04806849;
        } else {
          result[1] += 0.1589393;
        }
      }
    } else {
      result[1] += -0.13896179;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.7337999344)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)272.78659058)) {
        result[2] += -0.15101096;
      } else {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)37.166801453)) {
          result[2] += 0.07416116;
        } else {
          result[2] += -0.12149549;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.9442000389)) {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.4505000114)) {
          result[2] += 0.10643076;
        } else {
          result[2] += -0.06707219;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.1454000473)) {
          result[2] += -0.05183567;
        } else {
          result[2] += -0.15602493;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.6666998863)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.4937000275)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.7465000153)) {
          result[2] += 0.11538127;
        } else {
          result[2] += -0.07902017;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.0682997704)) {
          result[2] += 0.10222908;
        } else {
          result[2] += -0.08885124;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.7548999786)) {
        result[2] += -0.03763561;
      } else {
        result[2] += -0.15364167;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.1922001839)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3385999203)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)77.734596252)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0120000839)) {
          result[3] += -0.089517504;
        } else {
          result[3] += 0.067487314;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.2760000229)) {
          result[3] += -0.09649862;
        } else {
          result[3] += -0.15081765;
        }
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.0020999908)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.6254000664)) {
          result[3] += -0.06891534;
        } else {
          result[3] += 0.28209212;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.1752998829)) {
          result[3] += -0.14356512;
        } else {
          result[3] += -0.03897436;
        }
      }
    }
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.339599609)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.467599988)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.5899999142)) {
          result[3] += -0.11729858;
        } else {
          result[3] += 0.14512569;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.7568000555)) {
          result[3] += -0.039673105;
        } else {
          result[3] += -0.14830719;
        }
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)44.361499786)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.021600008)) {
          result[3] += 0.03467239;
        } else {
          result[3] += 0.12652041;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)42.411899567)) {
          result[3] += -0.016436636;
        } else {
          result[3] += 0.13219874;
        }
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2720999718)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.9718999863)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.3411998749)) {
        result[4] += -0.15170707;
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.0992999077)) {
          result[4] += -0.14293472;
        } else {
          result[4] += 0.08210912;
        }
      }
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.5577001572)) {
          result[4] += 0.17036138;
        } else {
          result[4] += 0.030724395;
        }
      } else {
        result[4] += -0.1368;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
      result[4] += -0.14094293;
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4337000847)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.7084000111)) {
          result[4] += -0.016914668;
        } else {
          result[4] += 0.15836084;
        }
      } else {
        result[4] += -0.09257196;
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.630499959)) {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.005300045)) {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.8080999851)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.3875999451)) {
          result[5] += 0.13891485;
        } else {
          result[5] += -0.11481618;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5978000164)) {
          result[5] += -0.15140346;
        } else {
          result[5] += -0.07455068;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5494999886)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)4.9664001465)) {
          result[5] += -0.12117298;
        } else {
          result[5] += 0.08803166;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7692000866)) {
          result[5] += 0.000788094;
        } else {
          result[5] += -0.14376941;
        }
      }
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8770000935)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.1289000511)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.1491999626)) {
          result[5] += -0.11255878;
        } else {
          result[5] += 0.055985697;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.9246997833)) {
          result[5] += 0.15714166;
        } else {
          result[5] += -0.12706764;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.8743000031)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9365999699)) {
          result[5] += -0.038059514;
        } else {
          result[5] += -0.15947986;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.6531000137)) {
          result[5] += -0.06126366;
        } else {
          result[5] += 0.08757335;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.935199976)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6136000156)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6833999157)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2527999878)) {
          result[6] += -0.08919153;
        } else {
          result[6] += 0.11108416;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.366300583)) {
          result[6] += -0.06529166;
        } else {
          result[6] += -0.14541839;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.1138000488)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.1277999878)) {
          result[6] += -0.09411834;
        } else {
          result[6] += 0.092989855;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7223000526)) {
          result[6] += 0.04766275;
        } else {
          result[6] += -0.14626345;
        }
      }
    }
  } else {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9835999012)) {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.0739998817)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
          result[6] += -0.13453564;
        } else {
          result[6] += 0.15557876;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)2.0018999577)) {
          result[6] += 0.03406337;
        } else {
          result[6] += -0.14448103;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.9748001099)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.1922001839)) {
          result[6] += -0.0427218;
        } else {
          result[6] += -0.15595345;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.9133000374)) {
          result[6] += -0.14692502;
        } else {
          result[6] += 0.11067163;
        }
      }
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3076999187)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0705000162)) {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)97.898902893)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9966000319)) {
          result[7] += -0.11891633;
        } else {
          result[7] += 0.11611583;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.96319997311)) {
          result[7] += 0.05950624;
        } else {
          result[7] += -0.15757127;
        }
      }
    } else {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)76.800300598)) {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.1985000372)) {
          result[7] += 0.29748237;
        } else {
          result[7] += -0.09055739;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
          result[7] += -0.15101103;
        } else {
          result[7] += -0.105662726;
        }
      }
    }
  } else {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.7158000469)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
        result[7] += 0.09523549;
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.8554000854)) {
          result[7] += 0.026210764;
        } else {
          result[7] += -0.14985515;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.4505000114)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.9166002274)) {
          result[7] += -0.082465224;
        } else {
          result[7] += 0.15193816;
        }
      } else {
        result[7] += -0.14899974;
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.040298462)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.673599243)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.287101746)) {
        result[8] += -0.14945616;
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.223999023)) {
          result[8] += 1.172996;
        } else {
          result[8] += 0.26905543;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7465000153)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.4149999619)) {
          result[8] += 0.23441073;
        } else {
          result[8] += -0.11249361;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.2684999704)) {
          result[8] += -0.0873151;
        } else {
          result[8] += -0.14966094;
        }
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3126997948)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)43.763801575)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)27.954999924)) {
          result[8] += 0.032788187;
        } else {
          result[8] += -0.16031998;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)34.979999542)) {
          result[8] += 0.16714942;
        } else {
          result[8] += 0.04989489;
        }
      }
    } else {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)46.469100952)) {
        result[8] += -0.14911889;
      } else {
        result[8] += 0.030995108;
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.4436001778)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)28.860900879)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.171398163)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.460100174)) {
          result[0] += 0.023636864;
        } else {
          result[0] += -0.13867976;
        }
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.2940001488)) {
          result[0] += -0.24224262;
        } else {
          result[0] += -0.12668264;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)51.030498505)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.1101999283)) {
          result[0] += 0.07801901;
        } else {
          result[0] += -0.04473689;
        }
      } else {
        result[0] += -0.15220793;
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.8281998634)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9981999397)) {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)29.508199692)) {
          result[0] += -0.09767996;
        } else {
          result[0] += 0.19165534;
        }
      } else {
        result[0] += -0.1448122;
      }
    } else {
      result[0] += -0.1505092;
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.2016999722)) {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.4959001541)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.675498962)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)38.975399017)) {
          result[1] += -0.031231346;
        } else {
          result[1] += -0.13326381;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)40.296001434)) {
          result[1] += 0.2839474;
        } else {
          result[1] += 0.022079224;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5433000326)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
          result[1] += 0.27255177;
        } else {
          result[1] += -0.13368307;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.1591000557)) {
          result[1] += 0.02957695;
        } else {
          result[1] += -0.110859536;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.646900177)) {
      result[1] += -0.14179444;
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7122001648)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)51.377601624)) {
          result[1] += 0.15921172;
        } else {
          result[1] += -0.107740514;
        }
      } else {
        result[1] += -0.13368072;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.35779953)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)88.408805847)) {
        result[2] += -0.15053838;
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.0691000223)) {
          result[2] += 0.07358259;
        } else {
          result[2] += -0.11491602;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.8991999626)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)40.064601898)) {
          result[2] += 0.09891995;
        } else {
          result[2] += -0.090716325;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1454000473)) {
          result[2] += -0.039148606;
        } else {
          result[2] += -0.15116501;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.6666998863)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.302000046)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.4728000164)) {
          result[2] += -0.022572257;
        } else {
          result[2] += 0.058562398;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.345400095)) {
          result[2] += 0.16262098;
        } else {
          result[2] += 0.05507442;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9021999836)) {
        result[2] += -0.033718236;
      } else {
        result[2] += -0.15213144;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.870800018)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3230999708)) {
          result[3] += 0.07030042;
        } else {
          result[3] += -0.1244636;
        }
      } else {
        result[3] += -0.15168817;
      }
    } else {
      if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.9210999012)) {
        result[3] += 0.12261739;
      } else {
        result[3] += -0.11022715;
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6833000183)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3161001205)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)11.302000046)) {
          result[3] += 0.037581675;
        } else {
          result[3] += -0.08240973;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5319999456)) {
          result[3] += 0.15407501;
        } else {
          result[3] += 0.06713587;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.2217001915)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.405500412)) {
          result[3] += -0.0455451;
        } else {
          result[3] += -0.17332372;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.9471000433)) {
          result[3] += 0.15894581;
        } else {
          result[3] += -0.14458711;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.8780999184)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.4526998997)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.3411998749)) {
        result[4] += -0.15138267;
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.7318999767)) {
          result[4] += 0.14060743;
        } else {
          result[4] += -0.12772934;
        }
      }
    } else {
      result[4] += 0.06710455;
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.09739995)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7993998528)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)6.8017001152)) {
          result[4] += 0.13395444;
        } else {
          result[4] += -0.09044331;
        }
      } else {
        result[4] += -0.13769451;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3618001938)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.6828000546)) {
          result[4] += -0.025414782;
        } else {
          result[4] += 0.15834633;
        }
      } else {
        result[4] += -0.09113265;
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.1405000687)) {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8343999386)) {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.5053999424)) {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.8550000191)) {
          result[5] += 0.01708302;
        } else {
          result[5] += -0.13591532;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)27.338100433)) {
          result[5] += 0.21303998;
        } else {
          result[5] += -0.048812486;
        }
      }
    } else {
      if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.4356000423)) {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)7.0232100487)) {
          result[5] += -0.14821665;
        } else {
          result[5] += -0.07842681;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3188999891)) {
          result[5] += 0.33939928;
        } else {
          result[5] += -0.10360105;
        }
      }
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8624999523)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.5780000687)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.1465001106)) {
          result[5] += 0.1485727;
        } else {
          result[5] += -0.041463487;
        }
      } else {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.8866000175)) {
          result[5] += -0.13672918;
        } else {
          result[5] += 0.06073768;
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)7.204100132)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7374999523)) {
          result[5] += 0.064886436;
        } else {
          result[5] += -0.10880741;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)41.397201538)) {
          result[5] += -0.1369454;
        } else {
          result[5] += 0.070540555;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9087998867)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5377998352)) {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.9005000591)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.215000153)) {
          result[6] += 0.3004676;
        } else {
          result[6] += -0.039069626;
        }
      } else {
        result[6] += -0.149786;
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.089400053)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.9888999462)) {
          result[6] += 0.15834415;
        } else {
          result[6] += -0.1414329;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.934200287)) {
          result[6] += 0.015469027;
        } else {
          result[6] += -0.14929536;
        }
      }
    }
  } else {
    if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9347999096)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.8612999916)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)47.294799805)) {
          result[6] += 0.061453167;
        } else {
          result[6] += -0.14649867;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6833999157)) {
          result[6] += -0.03441687;
        } else {
          result[6] += -0.1502409;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7531000376)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)0.91039997339)) {
          result[6] += 0.026200486;
        } else {
          result[6] += -0.14945182;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.9317998886)) {
          result[6] += -0.143942;
        } else {
          result[6] += -0.017088588;
        }
      }
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3076999187)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.0550999641)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5605000257)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.99239999056)) {
          result[7] += 0.09565831;
        } else {
          result[7] += -0.1411152;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0248000622)) {
          result[7] += -0.07168337;
        } else {
          result[7] += 0.19464345;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0937000513)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)98.000900269)) {
          result[7] += 0.028562717;
        } else {
          result[7] += -0.14045931;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)76.800300598)) {
          result[7] += 0.08948291;
        } else {
          result[7] += -0.13854942;
        }
      }
    }
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.4436998367)) {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.4066998959)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7223000526)) {
          result[7] += -0.113628335;
        } else {
          result[7] += 0.14302747;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)3.1087999344)) {
          result[7] += -0.14871065;
        } else {
          result[7] += -0.010698943;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
        result[7] += 0.12713201;
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.331299782)) {
          result[7] += -0.14440073;
        } else {
          result[7] += 0.05980178;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.638500214)) {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)29.631500244)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)39.247200012)) {
        result[8] += -0.1450219;
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)41.879798889)) {
          result[8] += 1.3635198;
        } else {
          result[8] += 0.16316445;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.779098511)) {
        result[8] += -0.15111291;
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)31.145999908)) {
          result[8] += 0.41924646;
        } else {
          result[8] += -0.13780639;
        }
      }
    }
  } else {
    if (!(data[1].missing != -1) || (data[1].fvalue < (float)47.03850174)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)38.043300629)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)43.763801575)) {
          result[8] += -0.13642727;
        } else {
          result[8] += 0.15610991;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)52.875701904)) {
          result[8] += -0.15292533;
        } else {
          result[8] += 0.104043074;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3705000877)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)42.563598633)) {
          result[8] += 0.15723461;
        } else {
          result[8] += 0.04151936;
        }
      } else {
        result[8] += -0.05422115;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.3319001198)) {
    if (!(data[19].missing != -1) || (data[19].fvalue < (float)101.69619751)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.699901581)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.7813000679)) {
          result[0] += 0.050389554;
        } else {
          result[0] += -0.10932519;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)37.606899261)) {
          result[0] += -0.13685764;
        } else {
          result[0] += 0.024330515;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.3067998886)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.0350999832)) {
          result[0] += 0.11214174;
        } else {
          result[0] += -0.12881312;
        }
      } else {
        result[0] += -0.1398439;
      }
    }
  } else {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.9159002304)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.0503001213)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.1793000698)) {
          result[0] += -0.022633769;
        } else {
          result[0] += -0.16198352;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.350399971)) {
          result[0] += -0.057558224;
        } else {
          result[0] += -0.1701992;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.8281998634)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3368999958)) {
          result[0] += 0.041804943;
        } else {
          result[0] += -0.13448259;
        }
      } else {
        result[0] += -0.14777084;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.2150998116)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2964000702)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)37.417301178)) {
          result[1] += 0.065549605;
        } else {
          result[1] += -0.14476769;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.989601135)) {
          result[1] += -0.059460256;
        } else {
          result[1] += 0.071549185;
        }
      }
    } else {
      result[1] += -0.15084064;
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7122001648)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8940000534)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0694000721)) {
          result[1] += 0.13614191;
        } else {
          result[1] += -0.11942882;
        }
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.8285999298)) {
          result[1] += 0.039412703;
        } else {
          result[1] += 0.156672;
        }
      }
    } else {
      result[1] += -0.13538417;
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)9.3864002228)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)272.78659058)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
          result[2] += -0.15007019;
        } else {
          result[2] += -0.06367846;
        }
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.4475998878)) {
          result[2] += 0.074090265;
        } else {
          result[2] += -0.109512635;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.8691999912)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)9.3148002625)) {
          result[2] += 0.07979194;
        } else {
          result[2] += -0.071574986;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.5899999142)) {
          result[2] += 0.114762716;
        } else {
          result[2] += -0.059787538;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2479000092)) {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.1967999935)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.4049999714)) {
          result[2] += 0.063413754;
        } else {
          result[2] += 0.13874316;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5376000404)) {
          result[2] += -0.11159865;
        } else {
          result[2] += 0.1272648;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2527999878)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)11.398200035)) {
          result[2] += -0.025104932;
        } else {
          result[2] += 0.15833987;
        }
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.5322999954)) {
          result[2] += -0.15779047;
        } else {
          result[2] += -0.0009700547;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.870800018)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3188999891)) {
          result[3] += 0.0693446;
        } else {
          result[3] += -0.11996129;
        }
      } else {
        result[3] += -0.15119272;
      }
    } else {
      if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.9210999012)) {
        result[3] += 0.11819964;
      } else {
        result[3] += -0.10182846;
      }
    }
  } else {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.076800108)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4801000357)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.0335001945)) {
          result[3] += -0.10883078;
        } else {
          result[3] += 0.24606805;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2135000229)) {
          result[3] += -0.06396528;
        } else {
          result[3] += -0.14775762;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.021600008)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)9.4483995438)) {
          result[3] += 0.03758387;
        } else {
          result[3] += -0.13496982;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7678999901)) {
          result[3] += 0.076192774;
        } else {
          result[3] += -0.046632558;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.8780999184)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.4526998997)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.3411998749)) {
        result[4] += -0.15101483;
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0281999111)) {
          result[4] += -0.122826524;
        } else {
          result[4] += 0.12993036;
        }
      }
    } else {
      result[4] += 0.06111103;
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.09739995)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7993998528)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)6.8017001152)) {
          result[4] += 0.122859664;
        } else {
          result[4] += -0.08514921;
        }
      } else {
        result[4] += -0.1336538;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3618001938)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.6828000546)) {
          result[4] += -0.024171656;
        } else {
          result[4] += 0.1563718;
        }
      } else {
        result[4] += -0.086030066;
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.630499959)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.9994997978)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.940199852)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.458198547)) {
          result[5] += -0.14550346;
        } else {
          result[5] += 0.052314717;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.815199852)) {
          result[5] += 0.07420047;
        } else {
          result[5] += -0.14705189;
        }
      }
    } else {
      result[5] += -0.15059987;
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8276000023)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)50.025798798)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)9.7727003098)) {
          result[5] += 0.14981498;
        } else {
          result[5] += -0.09829788;
        }
      } else {
        result[5] += -0.11983263;
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9742999077)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8098000288)) {
          result[5] += 0.11506232;
        } else {
          result[5] += -0.09267381;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)29.450099945)) {
          result[5] += 0.037851352;
        } else {
          result[5] += -0.10332823;
        }
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.9087998867)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5377998352)) {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.9005000591)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5004999638)) {
          result[6] += 0.11748816;
        } else {
          result[6] += -0.095828615;
        }
      } else {
        result[6] += -0.14818461;
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.9888999462)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7038002014)) {
          result[6] += -0.14727151;
        } else {
          result[6] += 0.15350664;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.6809000969)) {
          result[6] += -0.14185774;
        } else {
          result[6] += -0.039001025;
        }
      }
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6112999916)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6833999157)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)43.639499664)) {
          result[6] += -0.015063983;
        } else {
          result[6] += 0.060736828;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.472099781)) {
          result[6] += -0.1502041;
        } else {
          result[6] += -0.1060219;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.9994997978)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)46.686599731)) {
          result[6] += 0.0625517;
        } else {
          result[6] += -0.13000044;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6212999821)) {
          result[6] += 0.12807922;
        } else {
          result[6] += -0.119362965;
        }
      }
    }
  }
  if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.1843999624)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5507999659)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.927600861)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1540000439)) {
          result[7] += -0.102603376;
        } else {
          result[7] += 0.17017002;
        }
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.8805000782)) {
          result[7] += 0.041985974;
        } else {
          result[7] += -0.12861805;
        }
      }
    } else {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6212999821)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.96319997311)) {
          result[7] += 0.012082121;
        } else {
          result[7] += -0.14892364;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0332999229)) {
          result[7] += -0.12183144;
        } else {
          result[7] += 0.109409295;
        }
      }
    }
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2232999802)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)35.515399933)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.1164999008)) {
          result[7] += -0.13249294;
        } else {
          result[7] += 0.2521456;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)11.225899696)) {
          result[7] += -0.14519843;
        } else {
          result[7] += 0.072435774;
        }
      }
    } else {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.9872000217)) {
        result[7] += 0.03345019;
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.7281000614)) {
          result[7] += -0.14871547;
        } else {
          result[7] += -0.07925431;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.638500214)) {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)29.631500244)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)39.247200012)) {
        result[8] += -0.14333554;
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)41.879798889)) {
          result[8] += 0.6163078;
        } else {
          result[8] += 0.14915109;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7086000443)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.779098511)) {
          result[8] += -0.14032346;
        } else {
          result[8] += 0.0995935;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)31.534500122)) {
          result[8] += 0.0013080668;
        } else {
          result[8] += -0.1466037;
        }
      }
    }
  } else {
    if (!(data[1].missing != -1) || (data[1].fvalue < (float)47.03850174)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)37.241100311)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)43.763801575)) {
          result[8] += -0.11864739;
        } else {
          result[8] += 0.16474086;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
          result[8] += -0.14746654;
        } else {
          result[8] += 0.07104753;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3705000877)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7065999508)) {
          result[8] += 0.046331067;
        } else {
          result[8] += 0.15565537;
        }
      } else {
        result[8] += -0.049336493;
      }
    }
  }
}

